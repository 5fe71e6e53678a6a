package org.coophub.events.agreement;

import java.time.LocalDate;

import org.coophub.events.common.LocalizedText;

/**
 * What a party undertook under an agreement.
 *
 * @param since the day the commitment took effect (an amendment's effective date); absent
 * in events written before it existed, where it counts from the agreement's start
 */
public record Commitment(String id, LocalizedText title, Area area, String responsibleOrganizationId, Target target,
		LocalDate dueOn, CommitmentStatus status, LocalDate since) {

	/**
	 * A commitment in force since the agreement's start.
	 */
	public Commitment(String id, LocalizedText title, Area area, String responsibleOrganizationId, Target target,
			LocalDate dueOn, CommitmentStatus status) {
		this(id, title, area, responsibleOrganizationId, target, dueOn, status, null);
	}

}
