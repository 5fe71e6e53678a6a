package org.coophub.reporting.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * notification-service announced that an agreement's annual review is due (its first
 * reminder's moment): time to write the report of the period it will close.
 *
 * @param agreementId the agreement
 * @param year the review's year
 * @param dueOn the review's date
 * @param announcedAt when notification-service said so
 */
public record ReviewFellDue(String agreementId, int year, LocalDate dueOn, Instant announcedAt) {
}
