package org.coophub.reporting.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.coophub.events.activity.ActivityType;
import org.coophub.events.common.LocalizedText;

/**
 * One entry of the calendar: an activity, or an agreement's annual review (all day).
 *
 * @param kind {@code ACTIVITY} or {@code REVIEW}
 * @param id the activity's id, or {@code agreementId:year} for a review
 * @param agreementId the agreement it belongs to
 * @param agreementCode the agreement's code, null while its agreement has not arrived
 * @param title what it is, in Vietnamese and English
 * @param type the activity's type; null for a review
 * @param status the activity's status ({@code PLANNED}, {@code COMPLETED},
 * {@code CANCELLED}) or the review cycle's ({@code UPCOMING} … {@code HELD})
 * @param startsAt when it starts, on its own wall clock (a review: its day at 00:00)
 * @param endsAt when it ends, on its own wall clock; null if not known (a review: the
 * next day)
 * @param timeZone the zone of its wall clock
 * @param start the start as an instant with its offset
 * @param end the end as an instant with its offset, null if not known
 * @param date the day it starts (a review: the day it falls due, or was held)
 * @param allDay true for a review
 * @param hostOrganizationId who hosts it
 * @param hostName the host's name, null while its organization has not arrived
 * @param location the venue and province, if known
 * @param version the activity's or the cycle's version
 */
public record CalendarEntry(Kind kind, String id, String agreementId, String agreementCode, LocalizedText title,
		ActivityType type, String status, LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
		OffsetDateTime start, OffsetDateTime end, LocalDate date, boolean allDay, String hostOrganizationId,
		LocalizedText hostName, String location, long version) {

	/**
	 * What an entry is.
	 */
	public enum Kind {

		ACTIVITY, REVIEW

	}

}
