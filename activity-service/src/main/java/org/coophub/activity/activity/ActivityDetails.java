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
 * {@code notifyPartners} is never null either: activities stored before it existed read
 * back as notifying, as they did.
 *
 * @param notifyPartners whether the other parties are e-mailed about the activity; false
 * for history entered after the fact
 */
record ActivityDetails(String agreementId, ActivityType type, LocalizedText title, String description,
		LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, Location location, String hostOrganizationId,
		List<String> participantOrganizationIds, List<String> participatingDepartments, List<String> commitmentIds,
		ActivityStatus status, Outcomes outcomes, Boolean notifyPartners) {

	ActivityDetails {
		participantOrganizationIds = (participantOrganizationIds != null) ? participantOrganizationIds : List.of();
		participatingDepartments = (participatingDepartments != null) ? participatingDepartments : List.of();
		commitmentIds = (commitmentIds != null) ? commitmentIds : List.of();
		notifyPartners = !Boolean.FALSE.equals(notifyPartners);
	}

	ActivityDetails withStatus(ActivityStatus newStatus) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, this.startsAt,
				this.endsAt, this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				this.participatingDepartments, this.commitmentIds, newStatus, this.outcomes, this.notifyPartners);
	}

	ActivityDetails withOutcomes(Outcomes newOutcomes) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, this.startsAt,
				this.endsAt, this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				this.participatingDepartments, this.commitmentIds, this.status, newOutcomes, this.notifyPartners);
	}

	ActivityDetails withDates(LocalDateTime newStartsAt, LocalDateTime newEndsAt) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, newStartsAt, newEndsAt,
				this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				this.participatingDepartments, this.commitmentIds, this.status, this.outcomes, this.notifyPartners);
	}

	ActivityDetails withDepartments(List<String> departments) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, this.startsAt,
				this.endsAt, this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				departments, this.commitmentIds, this.status, this.outcomes, this.notifyPartners);
	}

	ActivityDetails withNotifyPartners(boolean notify) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, this.startsAt,
				this.endsAt, this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				this.participatingDepartments, this.commitmentIds, this.status, this.outcomes, notify);
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
