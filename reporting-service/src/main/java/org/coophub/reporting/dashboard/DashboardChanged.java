package org.coophub.reporting.dashboard;

/**
 * A projection changed: open dashboards should refresh this agreement.
 */
record DashboardChanged(String agreementId) {
}
