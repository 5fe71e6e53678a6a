package org.coophub.notification.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A change a party made to a review schedule, kept in its history.
 *
 * @param version the schedule's version after the change
 * @param at when it was made
 * @param actor who made it ({@code user@ORG})
 * @param change {@value #SKIPPED} or {@value #MOVED}
 * @param year the cycle changed
 * @param note why
 * @param dueOn the new date of a moved cycle
 */
public record ScheduleChange(long version, Instant at, String actor, String change, int year, String note,
		LocalDate dueOn) {

	static final String SKIPPED = "SKIPPED";

	static final String MOVED = "MOVED";

}
