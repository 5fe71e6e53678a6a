package org.coophub.activity.activity;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.common.LocalizedText;

/**
 * What is recorded about an activity, already checked for form. Lists are never null:
 * activities stored before departments existed read back with none.
 */
record ActivityDetails(String agreementId, ActivityType type, LocalizedText title, String description,
		LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, Location location, String hostOrganizationId,
		List<String> participantOrganizationIds, List<String> participatingDepartments, List<String> commitmentIds,
		ActivityStatus status, Outcomes outcomes) {

	ActivityDetails {
		participantOrganizationIds = (participantOrganizationIds != null) ? participantOrganizationIds : List.of();
		participatingDepartments = (participatingDepartments != null) ? participatingDepartments : List.of();
		commitmentIds = (commitmentIds != null) ? commitmentIds : List.of();
	}

	ActivityDetails withStatus(ActivityStatus newStatus) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, this.startsAt,
				this.endsAt, this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				this.participatingDepartments, this.commitmentIds, newStatus, this.outcomes);
	}

	ActivityDetails withOutcomes(Outcomes newOutcomes) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, this.startsAt,
				this.endsAt, this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				this.participatingDepartments, this.commitmentIds, this.status, newOutcomes);
	}

	ActivityDetails withDates(LocalDateTime newStartsAt, LocalDateTime newEndsAt) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, newStartsAt, newEndsAt,
				this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				this.participatingDepartments, this.commitmentIds, this.status, this.outcomes);
	}

	ActivityDetails withDepartments(List<String> departments) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, this.startsAt,
				this.endsAt, this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				departments, this.commitmentIds, this.status, this.outcomes);
	}

	/**
	 * The host and the participants, each once.
	 * @return the organizations taking part
	 */
	List<String> organizationsTakingPart() {
		return Stream.concat(Stream.of(this.hostOrganizationId), this.participantOrganizationIds.stream())
			.distinct()
			.toList();
	}

}
