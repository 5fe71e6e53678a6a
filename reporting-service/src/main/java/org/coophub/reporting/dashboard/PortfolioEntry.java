package org.coophub.reporting.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * One agreement's line on the portfolio dashboard; {@code awaitingAcceptance} names the
 * parties that have not accepted the agreement (empty when all did).
 */
public record PortfolioEntry(String agreementId, AgreementSummary agreement, int activityCount, long activitiesThisYear,
		ConferenceTotals conferenceTotals, NextReview nextReview, boolean reviewOverdue, long commitmentsBehindTarget,
		NotificationCounts notifications, List<AwaitingParty> awaitingAcceptance) {

	/**
	 * The line derived from every entry of the agreement; what
	 * {@link #of(PortfolioSummary, LocalDate, Names)} must always equal.
	 */
	static PortfolioEntry of(AgreementDashboard dashboard, LocalDate today, Names names) {
		AgreementDashboardView view = AgreementDashboardView.of(dashboard, today, names);
		var activities = dashboard.activities().values().stream().filter(ActivityEntry::counts).toList();
		NextReview review = view.nextReview();
		return new PortfolioEntry(dashboard.agreementId(), dashboard.agreement(), activities.size(),
				activities.stream().filter((a) -> a.year() == today.getYear()).count(), view.conferenceTotals(), review,
				review != null && review.overdue(),
				view.commitments().stream().filter(CommitmentProgress::behindTarget).count(), view.notifications(),
				view.awaitingAcceptance());
	}

	/**
	 * The line read from the agreement's maintained summary: only what depends on today
	 * (this year's count, whether the review is overdue, which commitments are behind
	 * this year) is worked out here, from the summary's totals.
	 */
	static PortfolioEntry of(PortfolioSummary summary, LocalDate today, Names names) {
		int year = today.getYear();
		NextReview review = NextReview.of(summary.review(), today, names);
		long behind = (summary.agreement() == null) ? 0
				: summary.agreement()
					.commitments()
					.stream()
					.filter((commitment) -> CommitmentProgress.behindTarget(commitment,
							SummaryFigures.year(commitment, summary, year)))
					.count();
		return new PortfolioEntry(summary.agreementId(), summary.agreement(),
				(int) summary.allYears().mapToLong((totals) -> totals.getValue().planned()).sum(),
				summary.year(year).values().stream().mapToLong(ActivityTotals::planned).sum(),
				SummaryFigures.conferenceTotals(summary.allYears().toList()), review,
				review != null && review.overdue(), behind, summary.notificationCounts(),
				AwaitingParty.of(summary.agreement(), names));
	}

}
