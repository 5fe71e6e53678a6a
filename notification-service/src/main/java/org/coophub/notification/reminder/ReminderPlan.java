package org.coophub.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When the reminders of one review go out: on each lead day before the due date and 1 and
 * 7 days after it, always at 08:00 in the agreement's time zone (whatever the server's
 * zone).
 */
final class ReminderPlan {

	static final LocalTime SEND_AT = LocalTime.of(8, 0);

	/**
	 * Days after the due date that an unheld review is reminded of again.
	 */
	static final List<Integer> OVERDUE_DAYS = List.of(1, 7);

	private ReminderPlan() {
	}

	/**
	 * The moments of a review's reminders, earliest first.
	 * @param dueOn the review's due date
	 * @param zone the agreement's time zone
	 * @param leadDays the policy's lead days, each 0 or more
	 * @return one moment per lead day and overdue day
	 */
	static List<Moment> moments(LocalDate dueOn, ZoneId zone, List<Integer> leadDays) {
		List<Moment> moments = new ArrayList<>();
		leadDays.stream()
			.distinct()
			.sorted((a, b) -> b - a)
			.forEach((days) -> moments.add(new Moment(days, at(dueOn.minusDays(days), zone))));
		OVERDUE_DAYS.forEach((days) -> moments.add(new Moment(-days, at(dueOn.plusDays(days), zone))));
		return moments;
	}

	private static Instant at(LocalDate day, ZoneId zone) {
		// a gap in local time (daylight saving) moves 08:00 forward, never to another day
		return day.atTime(SEND_AT).atZone(zone).toInstant();
	}

	/**
	 * The send key of one reminder: agreement, cycle (year and date), moment and
	 * recipient. A review moved to another date gets new keys.
	 * @param agreementId the agreement
	 * @param year the cycle's year
	 * @param dueOn the cycle's date
	 * @param offsetDays the moment, days before (negative: after) the date
	 * @param email the recipient
	 * @return the key
	 */
	static String key(String agreementId, int year, LocalDate dueOn, int offsetDays, String email) {
		String moment = (offsetDays >= 0) ? "lead" + offsetDays : "overdue" + (-offsetDays);
		return "review:" + agreementId + ":" + year + ":" + dueOn + ":" + moment + ":"
				+ email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * One reminder moment.
	 *
	 * @param offsetDays days before the due date, negative after it
	 * @param dueAt the instant it goes out
	 */
	record Moment(int offsetDays, Instant dueAt) {
	}

}
