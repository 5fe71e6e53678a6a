package org.coophub.events.agreement;

import java.time.LocalDate;

import org.coophub.events.common.LocalizedText;

public record Commitment(String id, LocalizedText title, Area area, String responsibleOrganizationId, Target target,
		LocalDate dueOn, CommitmentStatus status) {
}
