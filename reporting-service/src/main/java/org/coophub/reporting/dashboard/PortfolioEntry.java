package org.coophub.reporting.dashboard;

import java.time.LocalDate;

/**
 * One agreement's line on the portfolio dashboard.
 */
public record PortfolioEntry(String agreementId, AgreementSummary agreement, int activityCount, long activitiesThisYear,
		ConferenceTotals conferenceTotals, NextReview nextReview, boolean reviewOverdue, long commitmentsBehindTarget,
		NotificationCounts notifications) {

	static PortfolioEntry of(AgreementDashboard dashboard, LocalDate today, Names names) {
		AgreementDashboardView view = AgreementDashboardView.of(dashboard, today, names);
		var activities = dashboard.activities().values().stream().filter(ActivityEntry::counts).toList();
		NextReview review = view.nextReview();
		return new PortfolioEntry(dashboard.agreementId(), dashboard.agreement(), activities.size(),
				activities.stream().filter((a) -> a.year() == today.getYear()).count(), view.conferenceTotals(), review,
				review != null && review.overdue(),
				view.commitments().stream().filter(CommitmentProgress::behindTarget).count(), view.notifications());
	}

}
