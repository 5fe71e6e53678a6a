package org.coophub.reporting.dashboard;

/**
 * A projection changed: open dashboards should refresh this agreement, or everything when
 * {@code agreementId} is null (an organization was renamed, a rebuild switched over).
 */
public record DashboardChanged(String agreementId) {
}
