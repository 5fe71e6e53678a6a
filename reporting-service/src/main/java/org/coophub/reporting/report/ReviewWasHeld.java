package org.coophub.reporting.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * notification-service recorded an agreement's annual review as held: the period it
 * closes is complete, time to write its report.
 *
 * @param agreementId the agreement
 * @param year the review's year
 * @param heldOn the day it was held
 * @param announcedAt when notification-service said so
 */
public record ReviewWasHeld(String agreementId, int year, LocalDate heldOn, Instant announcedAt) {
}
