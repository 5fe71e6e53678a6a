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
 */
@Document("known_agreements")
public record KnownAgreement(@Id String id, long version, String code, LocalizedText title, AgreementStatus status,
		List<String> partyIds, String timeZone, List<Commitment> commitments) implements Versioned {

	static KnownAgreement of(AgreementState state, long version) {
		return new KnownAgreement(state.id(), version, state.code(), state.title(), state.status(),
				state.parties().stream().map(Party::organizationId).toList(), state.timeZone(),
				(state.commitments() != null) ? state.commitments() : List.of());
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
