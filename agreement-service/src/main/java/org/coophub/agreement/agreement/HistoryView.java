package org.coophub.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.coophub.events.agreement.AgreementStatus;

/**
 * One version in an agreement's history: who recorded which change and when ({@code at}),
 * from which day it takes effect ({@code effectiveOn}, in the agreement's time zone), and
 * why. A party's answer ({@code PARTY_ACCEPTED}, {@code PARTY_DECLINED}) names the party
 * in {@code changedFields} ({@code parties[<organizationId>].consent}) and in
 * {@code organizationId}, absent from other entries. The full state of a day is at
 * {@code GET /api/v1/agreements/{id}?asOf=}.
 */
record HistoryView(long version, Instant at, LocalDate effectiveOn, String actor, RevisionKind change,
		List<String> changedFields, String note, String organizationId, AgreementStatus status) {

	static HistoryView of(Revision revision, ZoneId zone) {
		return new HistoryView(revision.version(), revision.at(), revision.effectiveIn(zone), revision.actor(),
				revision.change(), revision.changedFields(), revision.note(), PartyConsents.answeredBy(revision),
				revision.state().status());
	}

}
