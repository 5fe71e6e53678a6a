package org.coophub.activity.activity;

import java.time.LocalDateTime;
import java.util.List;

import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.common.LocalizedText;

/**
 * What is recorded about an activity, already checked for form.
 */
record ActivityDetails(String agreementId, ActivityType type, LocalizedText title, String description,
		LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, Location location, String hostOrganizationId,
		List<String> participantOrganizationIds, List<String> commitmentIds, ActivityStatus status, Outcomes outcomes) {

	ActivityDetails withStatus(ActivityStatus newStatus) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, this.startsAt,
				this.endsAt, this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				this.commitmentIds, newStatus, this.outcomes);
	}

	ActivityDetails withOutcomes(Outcomes newOutcomes) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, this.startsAt,
				this.endsAt, this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				this.commitmentIds, this.status, newOutcomes);
	}

	ActivityDetails withDates(LocalDateTime newStartsAt, LocalDateTime newEndsAt) {
		return new ActivityDetails(this.agreementId, this.type, this.title, this.description, newStartsAt, newEndsAt,
				this.timeZone, this.location, this.hostOrganizationId, this.participantOrganizationIds,
				this.commitmentIds, this.status, this.outcomes);
	}

}
