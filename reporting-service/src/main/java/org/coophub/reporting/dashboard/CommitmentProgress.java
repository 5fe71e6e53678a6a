package org.coophub.reporting.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.Target;
import org.coophub.events.agreement.TargetMeasure;
import org.coophub.events.common.LocalizedText;

/**
 * A commitment's target against what the activities that count for it did, year by year
 * ({@link CommitmentTally} says which count and what is achieved): {@code planned} counts
 * the activities not cancelled, {@code held} the completed ones, {@code achieved} is what
 * the year's target ({@code Target.valueIn(year)}) is measured against. An open
 * commitment is behind target when, for a count, this year's planned activities do not
 * reach the target (even if all goes to plan the year falls short); for a sum, when what
 * was achieved is below the target and no activity that counts is still planned this
 * year.
 */
public record CommitmentProgress(String id, LocalizedText title, Area area, CommitmentStatus status,
		String responsibleOrganizationId, String metric, Integer perYear, TargetMeasure measure, String outcome,
		String currency, LocalDate dueOn, List<Year> years, boolean behindTarget) {

	public static CommitmentProgress of(Commitment commitment, Collection<ActivityEntry> activities, int currentYear) {
		List<ActivityEntry> counted = CommitmentTally.counted(commitment, activities);
		int first = counted.stream().mapToInt(ActivityEntry::year).min().orElse(currentYear);
		int last = counted.stream().mapToInt(ActivityEntry::year).max().orElse(currentYear);
		List<Year> years = new ArrayList<>();
		for (int year = Math.min(first, currentYear); year <= Math.max(last, currentYear); year++) {
			int y = year;
			years.add(Year.of(commitment, y, counted.stream().filter((a) -> a.year() == y).toList()));
		}
		return of(commitment, years, currentYear);
	}

	/**
	 * The progress from its year lines, which run from the first year anything counted
	 * (or this year) to the last (or this year).
	 * @param commitment the commitment
	 * @param years its year lines
	 * @param currentYear this year
	 * @return the progress
	 */
	static CommitmentProgress of(Commitment commitment, List<Year> years, int currentYear) {
		Target target = commitment.target();
		Integer perYear = (target != null) ? target.perYear() : null;
		Year now = years.stream().filter((y) -> y.year() == currentYear).findFirst().orElseThrow();
		boolean behind = behindTarget(commitment, now);
		return new CommitmentProgress(commitment.id(), commitment.title(), commitment.area(), commitment.status(),
				commitment.responsibleOrganizationId(), (target != null) ? target.metric() : null, perYear,
				(target != null) ? target.measure() : null, (target != null) ? target.outcome() : null,
				(target != null) ? target.currency() : null, commitment.dueOn(), years, behind);
	}

	/**
	 * Whether an open commitment is behind its target this year.
	 * @param commitment the commitment
	 * @param now the current year's line
	 * @return true if it is behind
	 */
	static boolean behindTarget(Commitment commitment, Year now) {
		boolean open = commitment.status() == null || commitment.status() == CommitmentStatus.OPEN
				|| commitment.status() == CommitmentStatus.IN_PROGRESS;
		return open && now.targetValue() != null && now.targetValue().signum() > 0 && behind(commitment.target(), now);
	}

	private static boolean behind(Target target, Year year) {
		if (target.measure() == TargetMeasure.OUTCOME_SUM) {
			boolean stillPlanned = year.planned() > year.held();
			return year.achieved().compareTo(year.targetValue()) < 0 && !stillPlanned;
		}
		return BigDecimal.valueOf(year.planned()).compareTo(year.targetValue()) < 0;
	}

	/**
	 * Returns the progress in one year.
	 * @param year the year
	 * @return the year's line, or an empty one
	 */
	public Year in(int year) {
		return this.years.stream()
			.filter((y) -> y.year() == year)
			.findFirst()
			.orElse(new Year(year, this.perYear, 0, 0, (this.perYear != null) ? BigDecimal.valueOf(this.perYear) : null,
					BigDecimal.ZERO));
	}

	/**
	 * One year of a commitment.
	 *
	 * @param year the calendar year
	 * @param target the usual yearly count, if the commitment has a target
	 * @param planned activities that count, not cancelled
	 * @param held of those, the completed ones
	 * @param targetValue the target of this year ({@code Target.valueIn}), if any
	 * @param achieved what the completed activities achieved against it
	 */
	public record Year(int year, Integer target, long planned, long held, BigDecimal targetValue, BigDecimal achieved) {

		/**
		 * A year of a legacy target: the completed activities against the yearly count.
		 */
		public Year(int year, Integer target, long planned, long held) {
			this(year, target, planned, held, (target != null) ? BigDecimal.valueOf(target) : null,
					BigDecimal.valueOf(held));
		}

		static Year of(Commitment commitment, int year, Collection<ActivityEntry> activities) {
			Target target = commitment.target();
			CommitmentTally tally = CommitmentTally.of(commitment, activities);
			return new Year(year, (target != null) ? target.perYear() : null, tally.planned(), tally.held(),
					(target != null) ? target.valueIn(year) : null, tally.achieved());
		}

	}

}
