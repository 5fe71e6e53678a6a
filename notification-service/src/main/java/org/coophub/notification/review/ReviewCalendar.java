package org.coophub.notification.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.coophub.events.agreement.ReviewPolicy;

/**
 * When the next annual review falls and whose turn it is to host it.
 */
final class ReviewCalendar {

	/**
	 * The local time review reminders go out at (the reminders' plan uses the same).
	 */
	static final LocalTime REMINDER_TIME = LocalTime.of(8, 0);

	private ReviewCalendar() {
	}

	/**
	 * The moment of a review's first reminder: 08:00 on its largest lead day, from which
	 * the review is DUE.
	 * @param dueOn the review's date
	 * @param zone the agreement's time zone
	 * @param firstLeadDays the largest lead day
	 * @return the moment
	 */
	static Instant firstReminderAt(LocalDate dueOn, ZoneId zone, int firstLeadDays) {
		return dueOn.minusDays(firstLeadDays).atTime(REMINDER_TIME).atZone(zone).toInstant();
	}

	/**
	 * The review day of the given year; 29 February falls on the 28th in other years.
	 * @param policy the agreement's review policy
	 * @param year the year of the review
	 * @return the review day
	 */
	static LocalDate reviewDayIn(ReviewPolicy policy, int year) {
		YearMonth month = YearMonth.of(year, policy.month());
		return month.atDay(Math.min(policy.day(), month.lengthOfMonth()));
	}

	/**
	 * The first review day on or after the given day.
	 * @param policy the agreement's review policy
	 * @param from the earliest possible day
	 * @return the next review day
	 */
	static LocalDate nextReviewDay(ReviewPolicy policy, LocalDate from) {
		LocalDate candidate = reviewDayIn(policy, from.getYear());
		return candidate.isBefore(from) ? reviewDayIn(policy, from.getYear() + 1) : candidate;
	}

	/**
	 * The host after {@code lastHost} in the rotation: with two parties they alternate,
	 * with more they take turns in order.
	 * @param rotation the hosts in order
	 * @param lastHost the organization that hosted the previous review, or null
	 * @return the next host
	 */
	static String nextHost(List<String> rotation, String lastHost) {
		int last = (lastHost != null) ? rotation.indexOf(lastHost) : -1;
		return rotation.get((last + 1) % rotation.size());
	}

}
