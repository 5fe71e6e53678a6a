package org.coophub.reporting.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.coophub.events.activity.ActivityType;

/**
 * One agreement's dashboard as served: counts and totals derived from what the projection
 * holds, as of {@code today} in the program's time zone. {@code awaitingAcceptance} names
 * the parties that have not accepted the agreement (empty when all did).
 */
public record AgreementDashboardView(String agreementId, AgreementSummary agreement, List<PartyView> parties,
		List<AwaitingParty> awaitingAcceptance, int activityCount, Map<ActivityType, Long> activitiesByType,
		Map<Integer, Map<ActivityType, Long>> activitiesByYear, ConferenceTotals conferenceTotals,
		Map<Integer, ConferenceTotals> conferenceTotalsByYear, List<CommitmentProgress> commitments,
		NextReview nextReview, NotificationCounts notifications, List<ActivityEntry> recentActivities) {

	static final int RECENT = 10;

	public static AgreementDashboardView of(AgreementDashboard dashboard, LocalDate today, Names names) {
		List<ActivityEntry> activities = dashboard.activities()
			.values()
			.stream()
			.filter(ActivityEntry::counts)
			.toList();
		Map<ActivityType, Long> byType = activities.stream()
			.collect(Collectors.groupingBy(ActivityEntry::type, TreeMap::new, Collectors.counting()));
		Map<Integer, Map<ActivityType, Long>> byYear = activities.stream()
			.collect(Collectors.groupingBy(ActivityEntry::year, TreeMap::new,
					Collectors.groupingBy(ActivityEntry::type, TreeMap::new, Collectors.counting())));
		Map<Integer, ConferenceTotals> conferencesByYear = activities.stream()
			.collect(Collectors.groupingBy(ActivityEntry::year, TreeMap::new,
					Collectors.collectingAndThen(Collectors.toList(), ConferenceTotals::of)));
		AgreementSummary agreement = dashboard.agreement();
		List<PartyView> parties = (agreement == null || agreement.parties() == null) ? List.of()
				: agreement.parties().stream().map((p) -> PartyView.of(p, names)).toList();
		List<CommitmentProgress> commitments = (agreement == null) ? List.of()
				: agreement.commitments()
					.stream()
					.map((c) -> CommitmentProgress.of(c, dashboard.activities().values(), today.getYear()))
					.toList();
		return new AgreementDashboardView(dashboard.agreementId(), agreement, parties,
				AwaitingParty.of(agreement, names), activities.size(), byType, byYear, ConferenceTotals.of(activities),
				conferencesByYear, commitments, NextReview.of(dashboard.review(), today, names),
				NotificationCounts.of(dashboard.notifications().values()), recent(dashboard));
	}

	/**
	 * The dashboard from the agreement's maintained summary and its latest changed
	 * activities, read by an index: what
	 * {@link #of(AgreementDashboard, LocalDate, Names)} derives from every entry, at a
	 * cost that does not grow with the agreement's history.
	 * @param summary the agreement's summary
	 * @param recent its latest changed activities, latest first
	 * @param today the program's date today
	 * @param names the names of its parties and review hosts
	 * @return the dashboard
	 */
	static AgreementDashboardView of(PortfolioSummary summary, List<ActivityEntry> recent, LocalDate today,
			Names names) {
		Map<Integer, Map<ActivityType, Long>> byYear = SummaryFigures.activitiesByYear(summary);
		Map<ActivityType, Long> byType = new TreeMap<>();
		byYear.values().forEach((types) -> types.forEach((type, count) -> byType.merge(type, count, Long::sum)));
		Map<Integer, ConferenceTotals> conferencesByYear = new TreeMap<>();
		byYear.keySet()
			.forEach((year) -> conferencesByYear.put(year,
					SummaryFigures.conferenceTotals(summary.year(year).entrySet())));
		AgreementSummary agreement = summary.agreement();
		List<PartyView> parties = (agreement == null || agreement.parties() == null) ? List.of()
				: agreement.parties().stream().map((p) -> PartyView.of(p, names)).toList();
		List<CommitmentProgress> commitments = (agreement == null) ? List.of()
				: agreement.commitments()
					.stream()
					.map((c) -> SummaryFigures.progress(c, summary, today.getYear()))
					.toList();
		return new AgreementDashboardView(summary.agreementId(), agreement, parties, AwaitingParty.of(agreement, names),
				(int) byType.values().stream().mapToLong(Long::longValue).sum(), byType, byYear,
				SummaryFigures.conferenceTotals(summary.allYears().toList()), conferencesByYear, commitments,
				NextReview.of(summary.review(), today, names), summary.notificationCounts(), recent);
	}

	/**
	 * The feed: latest changes first, cancelled ones included.
	 */
	private static List<ActivityEntry> recent(AgreementDashboard dashboard) {
		return dashboard.activities()
			.values()
			.stream()
			.sorted(Comparator.comparing(AgreementDashboardView::changedAt).reversed().thenComparing(ActivityEntry::id))
			.limit(RECENT)
			.toList();
	}

	private static Instant changedAt(ActivityEntry entry) {
		return (entry.changedAt() != null) ? entry.changedAt() : entry.startsAt().toInstant(ZoneOffset.UTC);
	}

}
