package org.coophub.benchmarks;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coophub.benchmarks.LagMonitor.Tapped;

/**
 * From an activity's event to SMTP's acceptance of a mail about it: the event's Kafka
 * timestamp on activity-events, and the time of the notification.sent event that
 * notification-service stamps once the SMTP server accepted the mail (after the batch it
 * went in, so an upper bound). notification-service names the notice of an
 * activity.recorded event {@code activity-recorded:<event id>:<recipient>}, which joins
 * the two.
 */
final class MailLatency {

	static final String SENT = "org.coophub.notification.sent.v1";

	static final String RECORDED_NOTICE = "activity-recorded:";

	private MailLatency() {
	}

	/**
	 * @param activityEvents records tapped on activity-events
	 * @param notificationEvents records tapped on notification-events
	 * @return milliseconds per mail whose activity event was tapped
	 */
	static List<Long> of(List<Tapped> activityEvents, List<Tapped> notificationEvents) {
		Map<String, Long> published = new HashMap<>();
		for (Tapped event : activityEvents) {
			if (event.eventId() != null) {
				published.putIfAbsent(event.eventId(), event.publishedAt());
			}
		}
		List<Long> millis = new ArrayList<>();
		for (Tapped outcome : notificationEvents) {
			String eventId = recordedEventId(outcome);
			Long at = (eventId != null) ? published.get(eventId) : null;
			Long sentAt = (at != null) ? epochMillis(outcome.time()) : null;
			if (sentAt != null) {
				millis.add(sentAt - at);
			}
		}
		return millis;
	}

	private static String recordedEventId(Tapped outcome) {
		String subject = outcome.subject();
		if (!SENT.equals(outcome.type()) || subject == null || !subject.startsWith(RECORDED_NOTICE)) {
			return null;
		}
		int end = subject.indexOf(':', RECORDED_NOTICE.length());
		return (end < 0) ? null : subject.substring(RECORDED_NOTICE.length(), end);
	}

	private static Long epochMillis(String time) {
		try {
			return (time != null) ? OffsetDateTime.parse(time).toInstant().toEpochMilli() : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
