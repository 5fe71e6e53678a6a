package org.coophub.reporting.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.coophub.events.activity.ActivityType;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.Target;
import org.coophub.events.agreement.TargetMeasure;

/**
 * The figures pages show, worked out from an agreement's {@link PortfolioSummary} the
 * same way {@link AgreementDashboardView}, {@link ConferenceTotals} and
 * {@link CommitmentProgress} work them out from its activities.
 */
final class SummaryFigures {

	private SummaryFigures() {
	}

	/**
	 * Activities not cancelled, by year and type; years and types without any are left
	 * out.
	 */
	static Map<Integer, Map<ActivityType, Long>> activitiesByYear(PortfolioSummary summary) {
		Map<Integer, Map<ActivityType, Long>> byYear = new TreeMap<>();
		summary.years().forEach((year, byType) -> byType.forEach((type, totals) -> {
			if (totals.planned() > 0) {
				byYear.computeIfAbsent(Integer.valueOf(year), (y) -> new TreeMap<>())
					.put(ActivityType.valueOf(type), totals.planned());
			}
		}));
		return byYear;
	}

	/**
	 * What the completed promotion conferences achieved together.
	 * @param totals totals by activity type name
	 * @return the conference totals
	 */
	static ConferenceTotals conferenceTotals(Collection<Map.Entry<String, ActivityTotals>> totals) {
		long conferences = 0;
		long investors = 0;
		long enterprises = 0;
		long leads = 0;
		long mous = 0;
		long projects = 0;
		Map<String, BigDecimal> capital = new TreeMap<>();
		for (Map.Entry<String, ActivityTotals> byType : totals) {
			if (!ActivityType.valueOf(byType.getKey()).isPromotion()) {
				continue;
			}
			ActivityTotals t = byType.getValue();
			conferences += t.held();
			investors += t.investorsAttending();
			enterprises += t.enterprisesAttending();
			leads += t.investmentLeads();
			mous += t.mousSigned();
			projects += t.projectsRegistered();
			t.capital().forEach((currency, amount) -> capital.merge(currency, amount, BigDecimal::add));
		}
		capital.values().removeIf((amount) -> amount.signum() == 0);
		return new ConferenceTotals((int) conferences, (int) investors, (int) enterprises, (int) leads, (int) mous,
				(int) projects, capital);
	}

	/**
	 * A commitment's progress from the totals, its year lines from the first year
	 * anything counted for it (or this year) to the last (or this year).
	 */
	static CommitmentProgress progress(Commitment commitment, PortfolioSummary summary, int currentYear) {
		int first = currentYear;
		int last = currentYear;
		for (String stored : countedYears(commitment, summary)) {
			int year = Integer.parseInt(stored);
			if (!counted(commitment, summary, year).isEmpty()) {
				first = Math.min(first, year);
				last = Math.max(last, year);
			}
		}
		List<CommitmentProgress.Year> years = new ArrayList<>();
		for (int year = first; year <= last; year++) {
			years.add(year(commitment, summary, year));
		}
		return CommitmentProgress.of(commitment, years, currentYear);
	}

	/**
	 * A commitment's line of one year from the totals, counting what
	 * {@link CommitmentTally} counts: with the area's activities included, every activity
	 * of the target's types; otherwise the linked activities, of the target's types if it
	 * names some.
	 */
	static CommitmentProgress.Year year(Commitment commitment, PortfolioSummary summary, int year) {
		Target target = commitment.target();
		List<ActivityTotals> counted = counted(commitment, summary, year);
		long planned = counted.stream().mapToLong(ActivityTotals::planned).sum();
		long held = counted.stream().mapToLong(ActivityTotals::held).sum();
		BigDecimal achieved = (target != null && target.measure() == TargetMeasure.OUTCOME_SUM)
				? counted.stream().map((totals) -> totals.outcome(target)).reduce(BigDecimal.ZERO, BigDecimal::add)
				: BigDecimal.valueOf(held);
		return new CommitmentProgress.Year(year, (target != null) ? target.perYear() : null, planned, held,
				(target != null) ? target.valueIn(year) : null, achieved);
	}

	private static Collection<String> countedYears(Commitment commitment, PortfolioSummary summary) {
		return wholeArea(commitment) ? summary.years().keySet()
				: summary.commitments().getOrDefault(commitment.id(), Map.of()).keySet();
	}

	/** The totals that count for a commitment in one year, those without any left out. */
	private static List<ActivityTotals> counted(Commitment commitment, PortfolioSummary summary, int year) {
		List<ActivityType> types = types(commitment.target());
		Map<String, ActivityTotals> byType = wholeArea(commitment) ? summary.year(year)
				: summary.linked(commitment.id(), year);
		return byType.entrySet()
			.stream()
			.filter((totals) -> types.isEmpty() || types.contains(ActivityType.valueOf(totals.getKey())))
			.map(Map.Entry::getValue)
			.filter((totals) -> totals.planned() > 0)
			.collect(Collectors.toList());
	}

	private static List<ActivityType> types(Target target) {
		return (target != null && target.measure() != null && target.activityTypes() != null) ? target.activityTypes()
				: List.of();
	}

	private static boolean wholeArea(Commitment commitment) {
		Target target = commitment.target();
		return target != null && target.measure() != null && Boolean.TRUE.equals(target.includeAreaActivities())
				&& !types(target).isEmpty();
	}

}
