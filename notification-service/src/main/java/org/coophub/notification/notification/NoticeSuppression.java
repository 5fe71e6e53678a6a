package org.coophub.notification.notification;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.coophub.events.activity.ActivityState;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides which activity notices are history entered after the fact and so are not
 * mailed: an activity that says {@code notifyPartners: false}, or one that ended more
 * than {@code coophub.notices.history-window} before the event was recorded. The event's
 * {@code occurredAt} is the measure, never the moment it is processed, so a replay or a
 * consumer catching up years later decides the same.
 */
@Component
class NoticeSuppression {

	static final String NOT_NOTIFIED = "notifyPartners=false";

	private final Duration window;

	private final ProgramZone programZone;

	NoticeSuppression(@Value("${coophub.notices.history-window:14d}") Duration window, ProgramZone programZone) {
		this.window = window;
		this.programZone = programZone;
	}

	/**
	 * Why the notice of an event about this activity is not to be mailed.
	 * @param activity the activity as the event carries it
	 * @param agreementZone the agreement's time zone, for an activity without its own, or
	 * null
	 * @param recordedAt the event's {@code occurredAt}
	 * @return the reason, or empty when the notice goes out
	 */
	Optional<String> reason(ActivityState activity, String agreementZone, Instant recordedAt) {
		if (!activity.partnersNotified()) {
			return Optional.of(NOT_NOTIFIED);
		}
		LocalDateTime end = (activity.endsAt() != null) ? activity.endsAt() : activity.startsAt();
		if (end == null || recordedAt == null) {
			return Optional.empty();
		}
		Instant ended = end.atZone(zone(activity.timeZone(), agreementZone)).toInstant();
		if (ended.plus(this.window).isBefore(recordedAt)) {
			return Optional
				.of("ended " + end.toLocalDate() + ", more than " + describe(this.window) + " before it was recorded");
		}
		return Optional.empty();
	}

	private ZoneId zone(String activityZone, String agreementZone) {
		if (activityZone != null && !activityZone.isBlank()) {
			try {
				return ZoneId.of(activityZone);
			}
			catch (DateTimeException ex) {
				// an unknown zone name in an old event: the agreement's zone decides
			}
		}
		return this.programZone.or(agreementZone);
	}

	private static String describe(Duration window) {
		if (window.toSeconds() % 86_400 == 0) {
			long days = window.toDays();
			return days + ((days == 1) ? " day" : " days");
		}
		return window.toString();
	}

}
