package org.coophub.reporting.dashboard;

/**
 * One agreement's line on the portfolio dashboard.
 */
record PortfolioEntry(String agreementId, AgreementSummary agreement, int activityCount, long activitiesThisYear,
		ConferenceTotals conferenceTotals) {

	static PortfolioEntry of(AgreementDashboard dashboard, int year) {
		var activities = dashboard.activities().values().stream().filter(ActivityEntry::counts).toList();
		return new PortfolioEntry(dashboard.agreementId(), dashboard.agreement(), activities.size(),
				activities.stream().filter((a) -> a.year() == year).count(), ConferenceTotals.of(activities));
	}

}
