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
 *
 * @param partyIds every organization the agreement names, whether or not it accepted
 * @param awaitingPartyIds the named organizations that have not accepted (PENDING or
 * DECLINED): no party rights until they do; absent in documents stored before consent
 * existed, when every party counted as accepted
 * @param code the agreement's code (e.g. {@code CTHT-LD-HCM}), which an imported file may
 * name instead of the id; absent in documents stored before imports read codes, until the
 * agreement's next event
 */
@Document("known_agreements")
public record KnownAgreement(@Id String id, long version, AgreementStatus status, List<String> partyIds,
		LocalDate startsOn, LocalDate endsOn, String timeZone, List<String> commitmentIds,
		List<String> awaitingPartyIds, String code) implements Versioned {

	static KnownAgreement of(AgreementState state, long version) {
		return new KnownAgreement(state.id(), version, state.status(),
				state.parties().stream().map(Party::organizationId).toList(), state.startsOn(), state.endsOn(),
				state.timeZone(), state.commitments().stream().map(Commitment::id).toList(),
				state.parties().stream().filter((party) -> !party.accepted()).map(Party::organizationId).toList(),
				state.code());
	}

	/**
	 * Whether the organization has party rights: it is named and accepted to be a party.
	 * @param organizationId the organization
	 * @return true if it is a party that accepted
	 */
	public boolean isParty(String organizationId) {
		return this.partyIds.contains(organizationId) && !awaiting(organizationId);
	}

	/**
	 * Whether the organization is named as a party but has not accepted (yet).
	 * @param organizationId the organization
	 * @return true if it is PENDING or DECLINED
	 */
	public boolean awaiting(String organizationId) {
		return this.awaitingPartyIds != null && this.awaitingPartyIds.contains(organizationId);
	}

	public boolean covers(LocalDate day) {
		return !day.isBefore(this.startsOn) && (this.endsOn == null || !day.isAfter(this.endsOn));
	}

}
