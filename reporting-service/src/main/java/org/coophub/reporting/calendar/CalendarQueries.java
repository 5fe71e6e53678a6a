package org.coophub.reporting.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.zone.ProgramZone;
import org.coophub.reporting.dashboard.ActivityEntry;
import org.coophub.reporting.dashboard.AgreementSummary;
import org.coophub.reporting.dashboard.OrganizationName;
import org.coophub.reporting.dashboard.ProjectionCollections;
import org.coophub.reporting.dashboard.ReviewCycleEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the calendar of a window of days from the dashboard's projection: the activities
 * starting in it through the index on their start ({@code entry.startsAt}, or
 * {@code agreementId, entry.startsAt} for one agreement), the review cycles falling due
 * or held in it through the indexes on {@code dueOn} and {@code heldOn}, then the
 * agreements and host names of what was found by {@code _id}. Never a scan: the window
 * bounds what is read, and an organization's calendar is the window's entries it hosts,
 * takes part in or is party to.
 */
@Component
public class CalendarQueries {

	static final String STARTS_AT = "entry.startsAt";

	private final MongoTemplate mongo;

	private final ProjectionCollections collections;

	private final ProgramZone programZone;

	/** Collections whose indexes were made sure of by this instance. */
	private final Set<String> indexed = ConcurrentHashMap.newKeySet();

	CalendarQueries(MongoTemplate mongo, ProjectionCollections collections, ProgramZone programZone) {
		this.mongo = mongo;
		this.collections = collections;
		this.programZone = programZone;
	}

	/**
	 * The activities and reviews starting on one of the days of a window.
	 * @param from the first day
	 * @param to the day after the last one
	 * @param scope whose
	 * @return the entries, by start (then id)
	 */
	public List<CalendarEntry> between(LocalDate from, LocalDate to, CalendarScope scope) {
		int generation = this.collections.generations().active();
		List<ScheduledActivity> activities = activities(generation, from, to, scope);
		List<ReviewCycleEntry> reviews = reviews(generation, from, to, scope);
		Set<String> agreementIds = new HashSet<>();
		activities.forEach((activity) -> agreementIds.add(activity.agreementId()));
		reviews.forEach((review) -> agreementIds.add(review.agreementId()));
		Map<String, AgreementHead> agreements = agreements(generation, agreementIds);
		if (scope.organizationId() != null) {
			String organization = scope.organizationId();
			activities = activities.stream()
				.filter((activity) -> involves(activity.entry(), organization)
						|| partyTo(agreements.get(activity.agreementId()), organization))
				.toList();
			reviews = reviews.stream()
				.filter((review) -> organization.equals(review.hostOrganizationId())
						|| partyTo(agreements.get(review.agreementId()), organization))
				.toList();
		}
		Set<String> hosts = new HashSet<>();
		activities.forEach((activity) -> hosts.add(activity.entry().hostOrganizationId()));
		reviews.forEach((review) -> hosts.add(review.hostOrganizationId()));
		hosts.remove(null);
		Map<String, OrganizationName> names = names(generation, hosts);
		List<CalendarEntry> entries = new ArrayList<>();
		for (ScheduledActivity activity : activities) {
			entries.add(entry(activity, agreements.get(activity.agreementId()), names));
		}
		for (ReviewCycleEntry review : reviews) {
			entries.add(entry(review, agreements.get(review.agreementId()), names));
		}
		entries.sort(Comparator.comparing(CalendarEntry::startsAt).thenComparing(CalendarEntry::id));
		return entries;
	}

	private List<ScheduledActivity> activities(int generation, LocalDate from, LocalDate to, CalendarScope scope) {
		String collection = this.collections.activities(generation);
		ensureIndexes(collection, new Index().on(STARTS_AT, Sort.Direction.ASC).named("start"),
				new Index().on("agreementId", Sort.Direction.ASC)
					.on(STARTS_AT, Sort.Direction.ASC)
					.named("agreement_start"));
		Criteria criteria = Criteria.where(STARTS_AT).gte(from.atStartOfDay()).lt(to.atStartOfDay());
		if (scope.agreementId() != null) {
			criteria = Criteria.where("agreementId")
				.is(scope.agreementId())
				.and(STARTS_AT)
				.gte(from.atStartOfDay())
				.lt(to.atStartOfDay());
		}
		return this.mongo.find(Query.query(criteria), ScheduledActivity.class, collection)
			.stream()
			.filter((activity) -> activity.entry() != null && activity.entry().startsAt() != null)
			.toList();
	}

	/**
	 * The cycles falling due in the window and those held in it: a review held on another
	 * day than planned is on the day it was held.
	 */
	private List<ReviewCycleEntry> reviews(int generation, LocalDate from, LocalDate to, CalendarScope scope) {
		String collection = this.collections.reviewCycles(generation);
		ensureIndexes(collection, new Index().on("dueOn", Sort.Direction.ASC).named("due"),
				new Index().on("heldOn", Sort.Direction.ASC).named("held"));
		Map<String, ReviewCycleEntry> found = new LinkedHashMap<>();
		for (String day : List.of("dueOn", "heldOn")) {
			Criteria criteria = Criteria.where(day).gte(from).lt(to);
			if (scope.agreementId() != null) {
				criteria = criteria.and("agreementId").is(scope.agreementId());
			}
			this.mongo.find(Query.query(criteria), ReviewCycleEntry.class, collection)
				.forEach((review) -> found.put(review.id(), review));
		}
		return found.values().stream().filter((review) -> {
			LocalDate day = dayOf(review);
			return day != null && !day.isBefore(from) && day.isBefore(to);
		}).toList();
	}

	private Map<String, AgreementHead> agreements(int generation, Set<String> agreementIds) {
		if (agreementIds.isEmpty()) {
			return Map.of();
		}
		Query query = Query.query(Criteria.where("_id").in(agreementIds));
		query.fields().include("code", "agreement");
		return this.mongo.find(query, AgreementHead.class, this.collections.portfolio(generation))
			.stream()
			.collect(Collectors.toMap(AgreementHead::id, Function.identity()));
	}

	private Map<String, OrganizationName> names(int generation, Set<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.mongo
			.find(Query.query(Criteria.where("_id").in(ids)), OrganizationName.class,
					this.collections.organizations(generation))
			.stream()
			.collect(Collectors.toMap(OrganizationName::id, Function.identity()));
	}

	private CalendarEntry entry(ScheduledActivity activity, AgreementHead agreement,
			Map<String, OrganizationName> names) {
		ActivityEntry entry = activity.entry();
		ZoneId zone = this.programZone.or(entry.timeZone());
		String location = (entry.location() != null)
				? java.util.stream.Stream.of(entry.location().venue(), entry.location().province())
					.filter((part) -> part != null && !part.isBlank())
					.collect(Collectors.joining(", "))
				: null;
		return new CalendarEntry(CalendarEntry.Kind.ACTIVITY, entry.id(), activity.agreementId(), codeOf(agreement),
				entry.title(), entry.type(), (entry.status() != null) ? entry.status().name() : null, entry.startsAt(),
				entry.endsAt(), zone.getId(), entry.startsAt().atZone(zone).toOffsetDateTime(),
				(entry.endsAt() != null) ? entry.endsAt().atZone(zone).toOffsetDateTime() : null,
				entry.startsAt().toLocalDate(), false, entry.hostOrganizationId(),
				nameOf(names, entry.hostOrganizationId()), (location == null || location.isEmpty()) ? null : location,
				entry.version());
	}

	private CalendarEntry entry(ReviewCycleEntry review, AgreementHead agreement, Map<String, OrganizationName> names) {
		LocalDate day = dayOf(review);
		ZoneId zone = this.programZone.id();
		String code = codeOf(agreement);
		String suffix = (code != null) ? " – " + code : "";
		LocalizedText title = new LocalizedText("Sơ kết năm " + review.year() + suffix,
				"Annual review " + review.year() + suffix);
		LocalDateTime startsAt = day.atStartOfDay();
		return new CalendarEntry(CalendarEntry.Kind.REVIEW, review.id(), review.agreementId(), code, title, null,
				(review.status() != null) ? review.status().name() : null, startsAt, startsAt.plusDays(1), zone.getId(),
				startsAt.atZone(zone).toOffsetDateTime(), startsAt.plusDays(1).atZone(zone).toOffsetDateTime(), day,
				true, review.hostOrganizationId(), nameOf(names, review.hostOrganizationId()), null, review.version());
	}

	/** A review is on the day it was held, else on the day it falls due. */
	static LocalDate dayOf(ReviewCycleEntry review) {
		return (review.held() && review.heldOn() != null) ? review.heldOn() : review.dueOn();
	}

	private static boolean involves(ActivityEntry entry, String organization) {
		return organization.equals(entry.hostOrganizationId()) || (entry.participantOrganizationIds() != null
				&& entry.participantOrganizationIds().contains(organization));
	}

	/** A party that has not declined. */
	static boolean partyTo(AgreementHead agreement, String organization) {
		if (agreement == null || agreement.agreement() == null || agreement.agreement().parties() == null) {
			return false;
		}
		for (Party party : agreement.agreement().parties()) {
			if (organization.equals(party.organizationId()) && party.consent() != PartyConsent.DECLINED) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An agreement's summary as the portfolio holds it, read by id.
	 * @param id the agreement
	 * @return its summary, if the agreement has arrived
	 */
	AgreementHead agreement(String id) {
		Query query = Query.query(Criteria.where("_id").is(id));
		query.fields().include("code", "agreement");
		return this.mongo.findOne(query, AgreementHead.class,
				this.collections.portfolio(this.collections.generations().active()));
	}

	/**
	 * An organization's name, read by id.
	 * @param id the organization
	 * @return its name, or null if it has not arrived
	 */
	OrganizationName organization(String id) {
		return this.mongo.findById(id, OrganizationName.class,
				this.collections.organizations(this.collections.generations().active()));
	}

	private static String codeOf(AgreementHead agreement) {
		if (agreement == null) {
			return null;
		}
		return (agreement.code() != null) ? agreement.code()
				: (agreement.agreement() != null) ? agreement.agreement().code() : null;
	}

	private static LocalizedText nameOf(Map<String, OrganizationName> names, String id) {
		OrganizationName name = (id != null) ? names.get(id) : null;
		return (name != null) ? name.name() : null;
	}

	private void ensureIndexes(String collection, Index... indexes) {
		if (this.indexed.add(collection)) {
			for (Index index : indexes) {
				this.mongo.indexOps(collection).createIndex(index);
			}
		}
	}

	/**
	 * An activity of the projection ({@code dashboard_activities}), as the calendar reads
	 * it.
	 *
	 * @param id the activity
	 * @param agreementId its agreement
	 * @param entry the activity at its last version
	 */
	record ScheduledActivity(@Id String id, String agreementId, ActivityEntry entry) {

	}

	/**
	 * An agreement's code and parties from its portfolio summary.
	 *
	 * @param id the agreement
	 * @param code its code
	 * @param agreement the agreement as last applied
	 */
	record AgreementHead(@Id String id, String code, AgreementSummary agreement) {

		boolean known() {
			return this.agreement != null;
		}

	}

}
