package org.coophub.agreement.agreement;

import java.time.Instant;
import java.util.List;

import org.coophub.events.agreement.AgreementStatus;

/**
 * One version in an agreement's history: who changed what, when and why. The full state
 * of a day is at {@code GET /api/v1/agreements/{id}?asOf=}.
 */
record HistoryView(long version, Instant at, String actor, String change, List<String> changedFields, String note,
		AgreementStatus status) {

	static HistoryView of(Revision revision) {
		return new HistoryView(revision.version(), revision.at(), revision.actor(), revision.change(),
				revision.changedFields(), revision.note(), revision.state().status());
	}

}
