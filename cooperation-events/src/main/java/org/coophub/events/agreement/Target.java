package org.coophub.events.agreement;

import java.math.BigDecimal;
import java.util.List;

import org.coophub.events.activity.ActivityType;

/**
 * What a commitment aims at each year, e.g. 2 investment promotion conferences, or 50
 * investors attending, or 100 billion VND of registered capital. Every field but
 * {@code metric} and {@code perYear} was added later and may be absent: a target without
 * {@code measure} only names its metric and counts the activities linked to the
 * commitment.
 *
 * @param metric a label for what is counted, e.g. {@code PROMOTION_CONFERENCES}
 * @param perYear the usual yearly value of a count
 * @param measure whether activities are counted or an outcome summed
 * @param activityTypes the activity types that count (none: any type)
 * @param outcome with OUTCOME_SUM, the outcome summed: {@code investorsAttending},
 * {@code enterprisesAttending}, {@code investmentLeads}, {@code mousSigned},
 * {@code projectsRegistered}, {@code registeredCapital}, {@code documents} or
 * {@code participants}
 * @param currency with {@code registeredCapital}, the currency summed (ISO 4217)
 * @param valuePerYear the usual yearly value where it is not a small count (capital)
 * @param years the value of the years that differ from the usual one
 * @param includeAreaActivities whether every activity of the commitment's area and the
 * target's types counts, not only the activities linked to the commitment
 */
public record Target(String metric, int perYear, TargetMeasure measure, List<ActivityType> activityTypes,
		String outcome, String currency, BigDecimal valuePerYear, List<YearTarget> years,
		Boolean includeAreaActivities) {

	/**
	 * A target that only names its metric and a yearly count.
	 */
	public Target(String metric, int perYear) {
		this(metric, perYear, null, null, null, null, null, null, null);
	}

	/**
	 * The value aimed at in a year: that year's own value, else the usual one.
	 * @param year the year
	 * @return the target value
	 */
	public BigDecimal valueIn(int year) {
		if (this.years != null) {
			for (YearTarget target : this.years) {
				if (target.year() == year && target.value() != null) {
					return target.value();
				}
			}
		}
		return (this.valuePerYear != null) ? this.valuePerYear : BigDecimal.valueOf(this.perYear);
	}

}
