package org.coophub.reporting.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.coophub.events.activity.ActivityType;

/**
 * One agreement's dashboard as served: counts and totals derived from the held
 * activities.
 */
record AgreementDashboardView(String agreementId, AgreementSummary agreement, int activityCount,
		Map<ActivityType, Long> activitiesByType, Map<Integer, Map<ActivityType, Long>> activitiesByYear,
		ConferenceTotals conferenceTotals, List<ActivityEntry> recentActivities) {

	static final int RECENT = 10;

	static AgreementDashboardView of(AgreementDashboard dashboard) {
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
		List<ActivityEntry> recent = dashboard.activities()
			.values()
			.stream()
			.sorted(Comparator.comparing(ActivityEntry::startsAt).reversed().thenComparing(ActivityEntry::id))
			.limit(RECENT)
			.toList();
		return new AgreementDashboardView(dashboard.agreementId(), dashboard.agreement(), activities.size(), byType,
				byYear, ConferenceTotals.of(activities), recent);
	}

}
