package org.coophub.events.activity;

import java.time.LocalDateTime;
import java.util.List;

import org.coophub.events.common.LocalizedText;

/**
 * An activity as it stands; start and end are local to {@code timeZone}.
 * {@code description} and {@code participatingDepartments} were added later and may be
 * absent.
 */
public record ActivityState(String id, String agreementId, ActivityType type, LocalizedText title,
		LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, Location location, String hostOrganizationId,
		List<String> participantOrganizationIds, List<String> commitmentIds, ActivityStatus status, Outcomes outcomes,
		String description, List<String> participatingDepartments) {

	/**
	 * An activity without description or departments.
	 */
	public ActivityState(String id, String agreementId, ActivityType type, LocalizedText title, LocalDateTime startsAt,
			LocalDateTime endsAt, String timeZone, Location location, String hostOrganizationId,
			List<String> participantOrganizationIds, List<String> commitmentIds, ActivityStatus status,
			Outcomes outcomes) {
		this(id, agreementId, type, title, startsAt, endsAt, timeZone, location, hostOrganizationId,
				participantOrganizationIds, commitmentIds, status, outcomes, null, List.of());
	}

}
