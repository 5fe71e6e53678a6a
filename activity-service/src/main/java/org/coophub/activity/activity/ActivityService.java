package org.coophub.activity.activity;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coophub.activity.agreement.KnownAgreement;
import org.coophub.activity.agreement.KnownAgreements;
import org.coophub.activity.agreement.KnownOrganizations;
import org.coophub.events.DomainEvent;
import org.coophub.events.activity.Outcomes;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.paging.ListPage;
import org.coophub.platform.paging.ListPages;
import org.coophub.platform.paging.ListPaging;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.security.OrganizationScope;
import org.coophub.platform.web.Versions;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
class ActivityService {

	/**
	 * How a list may be paged and sorted (the API's names and the stored fields), checked
	 * by the controller before anything is read. Kept here, not on the query's parameter
	 * object, where the OpenAPI document would list it as a parameter.
	 */
	static final ListPaging PAGING = new ListPaging(Map.of("startsAt", "details.startsAt"),
			Sort.by("details.startsAt"));

	private final Activities activities;

	private final MongoTemplate mongo;

	/** The actor of changes made without a signed-in user. */
	static final String SYSTEM = "system";

	private final KnownAgreements agreements;

	private final KnownOrganizations organizations;

	private final OutboxWriter outbox;

	private final Clock clock;

	private final ListPages pages;

	ActivityService(Activities activities, MongoTemplate mongo, KnownAgreements agreements,
			KnownOrganizations organizations, OutboxWriter outbox, Clock clock, ListPages pages) {
		this.activities = activities;
		this.mongo = mongo;
		this.pages = pages;
		this.agreements = agreements;
		this.organizations = organizations;
		this.outbox = outbox;
		this.clock = clock;
	}

	Activity record(ActivityDetails details) {
		return store(check(details));
	}

	/**
	 * Checks an activity against what activity-service knows of its agreement and of the
	 * organizations taking part.
	 * @param details the activity to record
	 * @return the activity as it is to be stored
	 * @throws RuleViolationException naming the field at fault
	 */
	ActivityDetails check(ActivityDetails details) {
		OrganizationIds ids = new OrganizationIds(this.organizations);
		requireOwn(details, ids);
		KnownAgreement agreement = this.agreements.find(details.agreementId())
			.orElseThrow(() -> new RuleViolationException("agreementId",
					"Agreement " + details.agreementId()
							+ " is not known yet: it does not exist, or its creation has not reached activity-service;"
							+ " nothing was stored, try again in a moment",
					"activity.agreement.not-known", details.agreementId()));
		requireOwn(details, agreement, ids);
		ActivityRules.check(details, agreement);
		OutcomeFields.check(details.type(), details.outcomes());
		return withDepartmentsChecked(details);
	}

	private ActivityDetails withDepartmentsChecked(ActivityDetails details) {
		if (details.participatingDepartments().isEmpty()) {
			return details;
		}
		return ActivityRules.checkDepartments(details, this.organizations.findAll(details.organizationsTakingPart()));
	}

	/** Stores activities already checked, as an import does once every row passed. */
	List<Activity> recordAll(List<ActivityDetails> checked) {
		return this.outbox.insertAll(checked.stream().map(Activity::record).toList(),
				(activity) -> remembered(activity, activity.recorded(this.clock.instant())));
	}

	private Activity store(ActivityDetails details) {
		Activity activity = Activity.record(details);
		return save(activity, activity.recorded(this.clock.instant()));
	}

	Activity complete(String id, String ifMatch, Outcomes outcomes) {
		Activity activity = current(id, ifMatch);
		requireOwn(activity.details(), agreementOf(activity), new OrganizationIds(this.organizations));
		OutcomeFields.check(activity.details().type(), outcomes);
		return save(activity, activity.complete(outcomes, this.clock.instant()));
	}

	Activity cancel(String id, String ifMatch, String note) {
		Activity activity = current(id, ifMatch);
		requireOwn(activity.details(), agreementOf(activity), new OrganizationIds(this.organizations));
		return save(activity, activity.cancel(note, this.clock.instant()));
	}

	Activity reschedule(String id, String ifMatch, ActivityChanges.NewDates dates) {
		Activity activity = current(id, ifMatch);
		KnownAgreement agreement = agreementOf(activity);
		requireOwn(activity.details(), agreement, new OrganizationIds(this.organizations));
		ActivityRules.check(activity.details().withDates(dates.startsAt(), dates.endsAt()), agreement);
		return save(activity,
				activity.reschedule(dates.startsAt(), dates.endsAt(), dates.note(), this.clock.instant()));
	}

	Activity update(String id, String ifMatch, ActivityChanges.Patch patch) {
		Activity activity = current(id, ifMatch);
		KnownAgreement agreement = agreementOf(activity);
		OrganizationIds ids = new OrganizationIds(this.organizations);
		requireOwn(activity.details(), agreement, ids);
		ActivityDetails changed = patch.applyTo(activity.details());
		requireOwn(changed, agreement, ids);
		// only what the patch touches is judged by today's rules: an unrelated change
		// must not
		// fail on outcomes or departments recorded before a rule or a department changed
		if (patch.outcomes() != null) {
			OutcomeFields.check(changed.type(), changed.outcomes());
		}
		ActivityRules.checkParticipation(changed, agreement);
		if (patch.participatingDepartments() != null || patch.participantOrganizationIds() != null) {
			changed = withDepartmentsChecked(changed);
		}
		return save(activity, activity.update(changed, this.clock.instant()));
	}

	private Activity save(Activity activity, DomainEvent event) {
		return this.outbox.save(activity, remembered(activity, event));
	}

	private static DomainEvent remembered(Activity activity, DomainEvent event) {
		activity.remember(event, Actors.current().map(Actor::name).orElse(SYSTEM));
		return event;
	}

	/**
	 * An EDITOR records and changes only activities their organization hosts or joins.
	 */
	private static void requireOwn(ActivityDetails details, OrganizationIds ids) {
		OrganizationScope.requireWriteFor(details.organizationsTakingPart(), ids::of, "this activity");
	}

	/**
	 * As {@link #requireOwn(ActivityDetails, OrganizationIds)}, counting only the
	 * organizations that accepted the agreement: a party still PENDING (or DECLINED) has
	 * no party rights, so its EDITOR gets a 403 until it accepts.
	 */
	private static void requireOwn(ActivityDetails details, KnownAgreement agreement, OrganizationIds ids) {
		requireOwn(details, ids);
		List<String> accepted = details.organizationsTakingPart().stream().filter(agreement::isParty).toList();
		OrganizationScope.requireWriteFor(accepted, ids::of,
				"this activity as a party that accepted agreement " + agreement.id());
	}

	/**
	 * The ids of organizations by code, each looked up once per request: the checks of
	 * one change ask for the editor's organization several times (issue 17: a bounded
	 * number of commands per request).
	 */
	private static final class OrganizationIds {

		private final KnownOrganizations organizations;

		private final Map<String, Optional<String>> byCode = new HashMap<>();

		OrganizationIds(KnownOrganizations organizations) {
			this.organizations = organizations;
		}

		Optional<String> of(String code) {
			return this.byCode.computeIfAbsent(code, this.organizations::idOfCode);
		}

	}

	private Activity current(String id, String ifMatch) {
		Activity activity = get(id);
		Versions.requireMatch(ifMatch, activity.version());
		return activity;
	}

	private KnownAgreement agreementOf(Activity activity) {
		String agreementId = activity.details().agreementId();
		return this.agreements.find(agreementId)
			.orElseThrow(
					() -> new IllegalStateException("Agreement " + agreementId + " of a stored activity is unknown"));
	}

	Activity get(String id) {
		return this.activities.findById(id).orElseThrow(() -> new NotFoundException("Activity", id));
	}

	/**
	 * @param query what to narrow the list to; with free text, the total counts at most
	 * {@link ListPages#bound()} matches
	 * @param page a page {@link #PAGING} has checked
	 * @return the page
	 */
	ListPage<Activity> list(ActivityQuery query, Pageable page) {
		return this.pages.read(Query.query(query.criteria()), page, Activity.class,
				query.q() != null && !query.q().isBlank());
	}

	List<Activity> all(ActivityQuery query) {
		return this.mongo.find(Query.query(query.criteria()).with(Sort.by("details.startsAt", "_id")), Activity.class);
	}

}
