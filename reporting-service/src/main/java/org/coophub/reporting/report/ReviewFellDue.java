package org.coophub.reporting.report;

/**
 * notification-service announced that an agreement's annual review is due: time to write
 * its report.
 */
public record ReviewFellDue(String agreementId, int year) {
}
