package org.coophub.reporting.dashboard;

/**
 * What became of a notification; late ones were sent, but after their day.
 */
public enum NotificationOutcome {

	SENT, LATE, FAILED

}
