package org.coophub.reporting.dashboard;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.Target;
import org.coophub.events.agreement.TargetMeasure;

/**
 * What some activities did for one commitment, by what its target counts.
 * <ul>
 * <li>An activity counts when it is not cancelled and it is linked to the commitment, or
 * the target includes the area's activities ({@code includeAreaActivities}) and its type
 * is one of the target's types. Activities carry no area, so including the area's
 * activities needs activity types: without them only linked activities count.</li>
 * <li>With activity types, only activities of those types count, linked or not.</li>
 * <li>{@code planned} counts the activities that count, {@code held} the completed ones;
 * {@code achieved} is {@code held} for a count (ACTIVITIES, or a legacy target without
 * measure), and for OUTCOME_SUM the sum of the outcome over the completed ones
 * (registered capital only in the target's currency, never converted; documents by
 * number).</li>
 * </ul>
 *
 * @param planned activities that count, not cancelled
 * @param held of those, the completed ones
 * @param achieved what was achieved against the target
 */
public record CommitmentTally(long planned, long held, BigDecimal achieved) {

	/**
	 * Tallies activities for a commitment.
	 * @param commitment the commitment
	 * @param activities any activities of its agreement
	 * @return the tally
	 */
	public static CommitmentTally of(Commitment commitment, Collection<ActivityEntry> activities) {
		List<ActivityEntry> counted = counted(commitment, activities);
		List<ActivityEntry> completed = counted.stream().filter(ActivityEntry::completed).toList();
		Target target = commitment.target();
		BigDecimal achieved = BigDecimal.valueOf(completed.size());
		if (target != null && target.measure() == TargetMeasure.OUTCOME_SUM) {
			achieved = completed.stream()
				.map((activity) -> outcome(activity.outcomes(), target))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}
		return new CommitmentTally(counted.size(), completed.size(), achieved);
	}

	/**
	 * The activities that count for a commitment, cancelled ones left out.
	 * @param commitment the commitment
	 * @param activities any activities of its agreement
	 * @return those that count
	 */
	public static List<ActivityEntry> counted(Commitment commitment, Collection<ActivityEntry> activities) {
		Target target = commitment.target();
		List<ActivityType> types = (target != null && target.measure() != null && target.activityTypes() != null)
				? target.activityTypes() : List.of();
		boolean wholeArea = target != null && target.measure() != null
				&& Boolean.TRUE.equals(target.includeAreaActivities()) && !types.isEmpty();
		return activities.stream()
			.filter(ActivityEntry::counts)
			.filter((activity) -> activity.linkedTo(commitment.id()) || wholeArea)
			.filter((activity) -> types.isEmpty() || types.contains(activity.type()))
			.toList();
	}

	static BigDecimal outcome(Outcomes outcomes, Target target) {
		if (outcomes == null || target.outcome() == null) {
			return BigDecimal.ZERO;
		}
		return switch (target.outcome()) {
			case "investorsAttending" -> number(outcomes.investorsAttending());
			case "enterprisesAttending" -> number(outcomes.enterprisesAttending());
			case "investmentLeads" -> number(outcomes.investmentLeads());
			case "mousSigned" -> number(outcomes.mousSigned());
			case "projectsRegistered" -> number(outcomes.projectsRegistered());
			case "participants" -> number(outcomes.participants());
			case "documents" ->
				(outcomes.documents() != null) ? BigDecimal.valueOf(outcomes.documents().size()) : BigDecimal.ZERO;
			case "registeredCapital" -> (outcomes.registeredCapital() != null
					&& outcomes.registeredCapital().amount() != null && target.currency() != null
					&& target.currency().equalsIgnoreCase(outcomes.registeredCapital().currency()))
							? outcomes.registeredCapital().amount() : BigDecimal.ZERO;
			default -> BigDecimal.ZERO;
		};
	}

	private static BigDecimal number(Integer value) {
		return (value != null) ? BigDecimal.valueOf(value) : BigDecimal.ZERO;
	}

}
