package org.coophub.events.notification;

/**
 * Where an annual review cycle stands. MISSED and SKIPPED were added later: a past cycle
 * with no review recorded, and one a party declared skipped.
 */
public enum ReviewCycleStatus {

	UPCOMING, DUE, OVERDUE, HELD, CANCELLED, MISSED, SKIPPED

}
