package org.coophub.reporting.dashboard;

import java.time.Instant;

/**
 * The last known outcome of one notification (a failed one may later be sent).
 */
public record NotificationEntry(long version, String template, NotificationOutcome outcome, Instant at) {

}
