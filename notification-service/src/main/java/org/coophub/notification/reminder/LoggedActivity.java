package org.coophub.notification.reminder;

import java.time.LocalDate;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.platform.projection.Versioned;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an activity contributes to the digest of a review reminder: kept per activity, so
 * an activity updated or delivered twice counts once.
 */
@Document("reminder_activities")
record LoggedActivity(@Id String id, long version, @Indexed String agreementId, ActivityType type,
		ActivityStatus status, LocalDate on, Outcomes outcomes) implements Versioned {

	static LoggedActivity of(ActivityState activity, long version) {
		LocalDate on = (activity.endsAt() != null) ? activity.endsAt().toLocalDate()
				: (activity.startsAt() != null) ? activity.startsAt().toLocalDate() : null;
		return new LoggedActivity(activity.id(), version, activity.agreementId(), activity.type(), activity.status(),
				on, activity.outcomes());
	}

}
