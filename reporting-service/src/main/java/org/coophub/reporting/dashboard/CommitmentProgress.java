package org.coophub.reporting.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.common.LocalizedText;

/**
 * A commitment's target against what the activities linked to it did, year by year:
 * {@code planned} counts every linked activity that is not cancelled, {@code held} the
 * completed ones. An open commitment is behind target when this year's planned activities
 * do not reach the yearly target, i.e. even if all goes to plan the year falls short.
 */
public record CommitmentProgress(String id, LocalizedText title, Area area, CommitmentStatus status,
		String responsibleOrganizationId, String metric, Integer perYear, LocalDate dueOn, List<Year> years,
		boolean behindTarget) {

	public static CommitmentProgress of(Commitment commitment, Collection<ActivityEntry> activities, int currentYear) {
		List<ActivityEntry> linked = activities.stream()
			.filter(ActivityEntry::counts)
			.filter((activity) -> activity.linkedTo(commitment.id()))
			.toList();
		Integer perYear = (commitment.target() != null) ? commitment.target().perYear() : null;
		int first = linked.stream().mapToInt(ActivityEntry::year).min().orElse(currentYear);
		int last = linked.stream().mapToInt(ActivityEntry::year).max().orElse(currentYear);
		List<Year> years = new ArrayList<>();
		for (int year = Math.min(first, currentYear); year <= Math.max(last, currentYear); year++) {
			int y = year;
			long planned = linked.stream().filter((a) -> a.year() == y).count();
			long held = linked.stream().filter((a) -> a.year() == y && a.completed()).count();
			years.add(new Year(year, perYear, planned, held));
		}
		boolean open = commitment.status() == null || commitment.status() == CommitmentStatus.OPEN
				|| commitment.status() == CommitmentStatus.IN_PROGRESS;
		long plannedThisYear = linked.stream().filter((a) -> a.year() == currentYear).count();
		boolean behind = open && perYear != null && perYear > 0 && plannedThisYear < perYear;
		return new CommitmentProgress(commitment.id(), commitment.title(), commitment.area(), commitment.status(),
				commitment.responsibleOrganizationId(),
				(commitment.target() != null) ? commitment.target().metric() : null, perYear, commitment.dueOn(), years,
				behind);
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
			.orElse(new Year(year, this.perYear, 0, 0));
	}

	/**
	 * One year of a commitment.
	 *
	 * @param year the calendar year
	 * @param target activities aimed at, if the commitment has a yearly target
	 * @param planned linked activities not cancelled
	 * @param held linked activities completed
	 */
	public record Year(int year, Integer target, long planned, long held) {

	}

}
