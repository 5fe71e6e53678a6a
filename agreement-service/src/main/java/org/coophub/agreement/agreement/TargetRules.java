package org.coophub.agreement.agreement;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.coophub.events.agreement.Target;
import org.coophub.events.agreement.TargetMeasure;
import org.coophub.events.agreement.YearTarget;
import org.coophub.platform.problem.RuleViolationException;

/**
 * What a commitment's yearly target may say, beyond its form: a target names what it
 * counts (activities of some types, or the sum of one outcome of the activities) in a way
 * the reports can compute. A legacy target ({@code metric} and {@code perYear} only)
 * still passes unchanged.
 */
final class TargetRules {

	/**
	 * The outcomes of an activity a target may sum (activity-service's outcome fields).
	 */
	static final List<String> OUTCOMES = List.of("investorsAttending", "enterprisesAttending", "investmentLeads",
			"mousSigned", "projectsRegistered", "registeredCapital", "documents", "participants");

	static final String CAPITAL = "registeredCapital";

	static final List<String> CURRENCIES = List.of("VND", "USD");

	private TargetRules() {
	}

	/**
	 * @param target the target, or null for a commitment without one
	 * @param terms the agreement's terms, whose period bounds the years
	 * @param field how the request names the target, e.g. {@code target} or
	 * {@code commitments[2].target}
	 */
	static void check(Target target, AgreementTerms terms, String field) {
		if (target == null) {
			return;
		}
		if (target.perYear() <= 0 && target.valuePerYear() == null) {
			throw new RuleViolationException(field + ".perYear", "Give the yearly value: perYear or valuePerYear",
					"target.per-year-missing");
		}
		checkMeasure(target, field);
		checkCurrency(target, field);
		checkYears(target, terms, field);
	}

	private static void checkMeasure(Target target, String field) {
		boolean counted = (target.activityTypes() != null && !target.activityTypes().isEmpty())
				|| Boolean.TRUE.equals(target.includeAreaActivities());
		if (target.measure() == null && (counted || target.outcome() != null)) {
			throw new RuleViolationException(field + ".measure",
					"A target naming activity types or an outcome needs a measure: ACTIVITIES or OUTCOME_SUM",
					"target.measure-missing");
		}
		if (target.measure() == TargetMeasure.OUTCOME_SUM
				&& (target.outcome() == null || !OUTCOMES.contains(target.outcome()))) {
			throw new RuleViolationException(field + ".outcome",
					"Unknown outcome " + target.outcome() + "; a sum needs one of " + String.join(", ", OUTCOMES),
					"target.outcome-unknown", String.valueOf(target.outcome()), String.join(", ", OUTCOMES));
		}
		if (target.measure() != TargetMeasure.OUTCOME_SUM && target.outcome() != null) {
			throw new RuleViolationException(field + ".outcome", "An outcome is summed only with measure OUTCOME_SUM",
					"target.outcome-without-sum");
		}
		// Activities have no area: "every activity of the area" is read as every activity
		// of
		// the target's types, so the types must be named (docs/api.md).
		if (Boolean.TRUE.equals(target.includeAreaActivities())
				&& (target.activityTypes() == null || target.activityTypes().isEmpty())) {
			throw new RuleViolationException(field + ".activityTypes",
					"includeAreaActivities counts every activity of the named types: name at least one type",
					"target.area-without-types");
		}
	}

	private static void checkCurrency(Target target, String field) {
		if (CAPITAL.equals(target.outcome())) {
			if (target.currency() == null || !CURRENCIES.contains(target.currency())) {
				throw new RuleViolationException(field + ".currency",
						"Registered capital is summed in one currency: VND or USD", "target.currency-missing");
			}
		}
		else if (target.currency() != null) {
			throw new RuleViolationException(field + ".currency",
					"A currency goes only with the outcome registeredCapital", "target.currency-without-capital");
		}
	}

	private static void checkYears(Target target, AgreementTerms terms, String field) {
		if (target.years() == null) {
			return;
		}
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < target.years().size(); i++) {
			YearTarget year = target.years().get(i);
			if (!seen.add(year.year())) {
				throw new RuleViolationException(field + ".years[" + i + "].year",
						"Year " + year.year() + " appears twice", "target.year-twice", String.valueOf(year.year()));
			}
			boolean beforeStart = year.year() < terms.startsOn().getYear();
			boolean afterEnd = terms.endsOn() != null && year.year() > terms.endsOn().getYear();
			if (beforeStart || afterEnd) {
				throw new RuleViolationException(field + ".years[" + i + "].year",
						"Year " + year.year() + " is outside the agreement's period " + terms.startsOn() + " – "
								+ ((terms.endsOn() != null) ? terms.endsOn() : "open-ended"),
						(terms.endsOn() != null) ? "target.year-outside-period"
								: "target.year-outside-period.open-ended",
						String.valueOf(year.year()), terms.startsOn().toString(), String.valueOf(terms.endsOn()));
			}
		}
	}

}
