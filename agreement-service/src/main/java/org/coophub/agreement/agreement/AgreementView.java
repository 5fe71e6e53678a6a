package org.coophub.agreement.agreement;

import java.time.LocalDate;
import java.util.List;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;

/**
 * An agreement as the API shows it. Every party carries its {@code consent}, an agreement
 * stored before consent existed showing its parties as ACCEPTED;
 * {@code awaitingAcceptance} lists the parties that have not accepted (pending or
 * declined), which keep the agreement from being activated.
 */
record AgreementView(String id, String code, LocalizedText title, List<Party> parties, List<String> awaitingAcceptance,
		LocalDate signedOn, LocalDate startsOn, LocalDate endsOn, String timeZone, List<Area> areas,
		AgreementStatus status, List<Commitment> commitments, ReviewPolicy reviewPolicy, long version) {

	static AgreementView of(Agreement agreement) {
		return of(agreement.state(), agreement.version());
	}

	static AgreementView of(Revision revision) {
		return of(revision.state(), revision.version());
	}

	private static AgreementView of(AgreementState s, long version) {
		return new AgreementView(s.id(), s.code(), s.title(), PartyConsents.shown(s.parties()),
				PartyConsents.awaiting(s.parties()), s.signedOn(), s.startsOn(), s.endsOn(), s.timeZone(), s.areas(),
				s.status(), s.commitments(), s.reviewPolicy(), version);
	}

}
