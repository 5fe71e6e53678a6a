package org.coophub.activity.agreement;

import java.time.LocalDate;
import java.util.List;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.Party;
import org.coophub.platform.projection.Versioned;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What activity-service knows of an agreement, from agreement-events: enough to validate
 * activities without asking agreement-service.
 */
@Document("known_agreements")
public record KnownAgreement(@Id String id, long version, AgreementStatus status, List<String> partyIds,
		LocalDate startsOn, LocalDate endsOn, String timeZone, List<String> commitmentIds) implements Versioned {

	static KnownAgreement of(AgreementState state, long version) {
		return new KnownAgreement(state.id(), version, state.status(),
				state.parties().stream().map(Party::organizationId).toList(), state.startsOn(), state.endsOn(),
				state.timeZone(), state.commitments().stream().map(Commitment::id).toList());
	}

	public boolean isParty(String organizationId) {
		return this.partyIds.contains(organizationId);
	}

	public boolean covers(LocalDate day) {
		return !day.isBefore(this.startsOn) && (this.endsOn == null || !day.isAfter(this.endsOn));
	}

}
