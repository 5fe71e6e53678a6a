package org.coophub.notification.directory;

import java.util.List;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.Party;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.projection.Versioned;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An agreement's parties, title and commitments, as agreement-events told
 * notification-service.
 *
 * @param partyIds every organization the agreement names, whether or not it accepted
 * @param awaitingPartyIds the parties that have not accepted (PENDING or DECLINED): never
 * mailed, without party rights; absent in documents stored before consent existed, when
 * every party counted as accepted
 */
@Document("known_agreements")
public record KnownAgreement(@Id String id, long version, String code, LocalizedText title, AgreementStatus status,
		List<String> partyIds, String timeZone, List<Commitment> commitments,
		List<String> awaitingPartyIds) implements Versioned {

	static KnownAgreement of(AgreementState state, long version) {
		return new KnownAgreement(state.id(), version, state.code(), state.title(), state.status(),
				state.parties().stream().map(Party::organizationId).toList(), state.timeZone(),
				(state.commitments() != null) ? state.commitments() : List.of(),
				state.parties().stream().filter((party) -> !party.accepted()).map(Party::organizationId).toList());
	}

	/**
	 * The parties that accepted to be parties: only their contacts are mailed, only their
	 * users have party rights.
	 * @return the organizations' ids, in the agreement's order
	 */
	public List<String> acceptedPartyIds() {
		if (this.awaitingPartyIds == null || this.awaitingPartyIds.isEmpty()) {
			return this.partyIds;
		}
		return this.partyIds.stream().filter((id) -> !this.awaitingPartyIds.contains(id)).toList();
	}

	/**
	 * Whether the organization is a party that accepted.
	 * @param organizationId the organization
	 * @return true if it is an accepted party
	 */
	public boolean accepted(String organizationId) {
		return acceptedPartyIds().contains(organizationId);
	}

	/**
	 * The commitments still to be met, which every review reminder lists.
	 * @return the open and in-progress commitments
	 */
	public List<Commitment> openCommitments() {
		if (this.commitments == null) {
			return List.of();
		}
		return this.commitments.stream()
			.filter((c) -> c.status() == CommitmentStatus.OPEN || c.status() == CommitmentStatus.IN_PROGRESS)
			.toList();
	}

}
