package org.coophub.events.activity;

import java.time.LocalDateTime;
import java.util.List;

import org.coophub.events.common.LocalizedText;

/**
 * An activity as it stands; start and end are local to {@code timeZone}.
 * {@code description}, {@code participatingDepartments} and {@code notifyPartners} were
 * added later and may be absent.
 *
 * @param notifyPartners false when the partners are not to be e-mailed about it (history
 * entered after the fact); absent or null means they are
 */
public record ActivityState(String id, String agreementId, ActivityType type, LocalizedText title,
		LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, Location location, String hostOrganizationId,
		List<String> participantOrganizationIds, List<String> commitmentIds, ActivityStatus status, Outcomes outcomes,
		String description, List<String> participatingDepartments, Boolean notifyPartners) {

	/**
	 * An activity the partners are told about as usual.
	 */
	public ActivityState(String id, String agreementId, ActivityType type, LocalizedText title, LocalDateTime startsAt,
			LocalDateTime endsAt, String timeZone, Location location, String hostOrganizationId,
			List<String> participantOrganizationIds, List<String> commitmentIds, ActivityStatus status,
			Outcomes outcomes, String description, List<String> participatingDepartments) {
		this(id, agreementId, type, title, startsAt, endsAt, timeZone, location, hostOrganizationId,
				participantOrganizationIds, commitmentIds, status, outcomes, description, participatingDepartments,
				null);
	}

	/**
	 * Whether the partners are e-mailed about it.
	 * @return false only when it says so
	 */
	public boolean partnersNotified() {
		return !Boolean.FALSE.equals(this.notifyPartners);
	}

	/**
	 * An activity without description or departments.
	 */
	public ActivityState(String id, String agreementId, ActivityType type, LocalizedText title, LocalDateTime startsAt,
			LocalDateTime endsAt, String timeZone, Location location, String hostOrganizationId,
			List<String> participantOrganizationIds, List<String> commitmentIds, ActivityStatus status,
			Outcomes outcomes) {
		this(id, agreementId, type, title, startsAt, endsAt, timeZone, location, hostOrganizationId,
				participantOrganizationIds, commitmentIds, status, outcomes, null, List.of(), null);
	}

}
