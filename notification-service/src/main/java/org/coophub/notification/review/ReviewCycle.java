package org.coophub.notification.review;

import java.time.LocalDate;

import org.coophub.events.notification.ReviewCycleStatus;

/**
 * One year's annual review: when it is due and who hosts it.
 */
public record ReviewCycle(int year, LocalDate dueOn, String hostOrganizationId, ReviewCycleStatus status) {
}
