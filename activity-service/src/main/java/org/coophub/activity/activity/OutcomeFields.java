package org.coophub.activity.activity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.platform.problem.RuleViolationException;

/**
 * Which outcomes each activity type records (docs/api.md): a sports event has no
 * registered capital, a conference no minutes. A field of another type is refused rather
 * than dropped, so nobody believes it was kept.
 */
final class OutcomeFields {

	static final List<String> FIGURES = List.of("investorsAttending", "enterprisesAttending", "investmentLeads",
			"mousSigned", "projectsRegistered", "registeredCapital");

	/** Every outcome field, in the order of {@link Outcomes}. */
	static final List<String> ALL = List.of("investorsAttending", "enterprisesAttending", "investmentLeads",
			"mousSigned", "projectsRegistered", "registeredCapital", "documents", "topic", "participants",
			"minutesLink", "planItems");

	private static final Map<ActivityType, Set<String>> ALLOWED = new EnumMap<>(ActivityType.class);

	static {
		Set<String> figures = Set.copyOf(FIGURES);
		Set<String> documents = Set.of("documents");
		Set<String> topicAndParticipants = Set.of("topic", "participants");
		ALLOWED.put(ActivityType.INVESTMENT_PROMOTION_CONFERENCE, figures);
		ALLOWED.put(ActivityType.TRADE_PROMOTION, figures);
		ALLOWED.put(ActivityType.INFORMATION_EXCHANGE, documents);
		ALLOWED.put(ActivityType.DOCUMENT_SHARING, documents);
		// what was published on the website, with its link
		ALLOWED.put(ActivityType.WEBSITE_PROMOTION, documents);
		ALLOWED.put(ActivityType.EXPERIENCE_EXCHANGE, topicAndParticipants);
		ALLOWED.put(ActivityType.TRAINING, topicAndParticipants);
		// a study visit is an experience exchange on site
		ALLOWED.put(ActivityType.SITE_VISIT, topicAndParticipants);
		ALLOWED.put(ActivityType.JOINT_MEETING, Set.of("participants"));
		ALLOWED.put(ActivityType.SPORTS_EVENT, Set.of("participants"));
		ALLOWED.put(ActivityType.ANNUAL_REVIEW, Set.of("minutesLink", "planItems"));
		// anything but the promotion figures, which the dashboards add up per conference
		ALLOWED.put(ActivityType.OTHER, Set.of("documents", "topic", "participants"));
	}

	private OutcomeFields() {
	}

	/**
	 * The outcome fields an activity type records, in the order of {@link Outcomes}.
	 * @param type the activity type
	 * @return the field names
	 */
	static List<String> allowedFor(ActivityType type) {
		return ALL.stream().filter(ALLOWED.get(type)::contains).toList();
	}

	/**
	 * Refuses an outcome field that does not belong to the activity's type.
	 * @param type the activity type
	 * @param outcomes its outcomes, possibly null
	 * @throws RuleViolationException naming {@code outcomes.<field>}
	 */
	static void check(ActivityType type, Outcomes outcomes) {
		if (outcomes == null) {
			return;
		}
		Set<String> allowed = ALLOWED.get(type);
		for (String field : present(outcomes)) {
			if (!allowed.contains(field)) {
				throw new RuleViolationException("outcomes." + field,
						field + " is not an outcome of a " + type + " activity; it records "
								+ String.join(", ", allowedFor(type)),
						"activity.outcome.not-of-type", field, type.name(), String.join(", ", allowedFor(type)));
			}
		}
	}

	/**
	 * The outcome fields that hold a value; an empty list holds none.
	 */
	private static List<String> present(Outcomes o) {
		List<String> present = new ArrayList<>();
		addIf(present, "investorsAttending", o.investorsAttending() != null);
		addIf(present, "enterprisesAttending", o.enterprisesAttending() != null);
		addIf(present, "investmentLeads", o.investmentLeads() != null);
		addIf(present, "mousSigned", o.mousSigned() != null);
		addIf(present, "projectsRegistered", o.projectsRegistered() != null);
		addIf(present, "registeredCapital", o.registeredCapital() != null);
		addIf(present, "documents", o.documents() != null && !o.documents().isEmpty());
		addIf(present, "topic", o.topic() != null);
		addIf(present, "participants", o.participants() != null);
		addIf(present, "minutesLink", o.minutesLink() != null);
		addIf(present, "planItems", o.planItems() != null && !o.planItems().isEmpty());
		return present;
	}

	private static void addIf(List<String> fields, String field, boolean present) {
		if (present) {
			fields.add(field);
		}
	}

}
