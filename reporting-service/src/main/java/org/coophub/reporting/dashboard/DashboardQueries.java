package org.coophub.reporting.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the active generation of the projection.
 */
@Component
public class DashboardQueries {

	private static final String CHANGED_AT = "entry.changedAt";

	/** The most agreements a portfolio page holds. */
	public static final int MAX_PAGE_SIZE = 200;

	/** Agreements whose entries are read together. */
	private static final int CHUNK = 50;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final ProjectionCollections collections;

	private final ProgramZone programZone;

	/** Collections whose indexes were made sure of by this instance. */
	private final Set<String> indexed = ConcurrentHashMap.newKeySet();

	DashboardQueries(MongoTemplate mongo, Clock clock, ProjectionCollections collections, ProgramZone programZone) {
		this.mongo = mongo;
		this.clock = clock;
		this.collections = collections;
		this.programZone = programZone;
	}

	/**
	 * Today in the program's zone ({@code coophub.program.zone}), the day dashboards
	 * count from.
	 * @return the date
	 */
	public LocalDate today() {
		return this.programZone.today(this.clock);
	}

	/**
	 * One agreement's dashboard from its summary, read by id, its ten latest changed
	 * activities, read through the index on agreement and change time, and the names of
	 * its parties and review host, by id: three reads however long its history.
	 * @param agreementId the agreement
	 * @return the dashboard
	 */
	public AgreementDashboardView agreement(String agreementId) {
		int generation = this.collections.generations().active();
		Query byId = Query.query(Criteria.where("_id").is(agreementId));
		byId.fields().exclude(PortfolioTally.APPLIED);
		PortfolioSummary summary = this.mongo.findOne(byId, PortfolioSummary.class,
				this.collections.portfolio(generation));
		if (summary == null) {
			throw new NotFoundException("Dashboard of agreement", agreementId);
		}
		String activities = activitiesIndexed(generation);
		List<ActivityEntry> recent = this.mongo
			.find(Query.query(Criteria.where("agreementId").is(agreementId))
				.with(Sort.by(Sort.Order.desc(CHANGED_AT), Sort.Order.asc("_id")))
				.limit(AgreementDashboardView.RECENT), StoredActivity.class, activities)
			.stream()
			.map(StoredActivity::entry)
			.toList();
		Set<String> named = new HashSet<>();
		if (summary.agreement() != null && summary.agreement().parties() != null) {
			summary.agreement().parties().forEach((party) -> named.add(party.organizationId()));
		}
		if (summary.review() != null && summary.review().upcomingHost() != null) {
			named.add(summary.review().upcomingHost());
		}
		return AgreementDashboardView.of(summary, recent, today(), names(generation, named));
	}

	/**
	 * The raw projection of one agreement, for reports that look at another year than
	 * today's.
	 * @param agreementId the agreement
	 * @return the dashboard
	 */
	public AgreementDashboard dashboard(String agreementId) {
		int generation = this.collections.generations().active();
		DashboardHead head = this.mongo.findById(agreementId, DashboardHead.class,
				this.collections.dashboards(generation));
		if (head == null) {
			throw new NotFoundException("Dashboard of agreement", agreementId);
		}
		List<AgreementDashboard> assembled = new ArrayList<>();
		assemble(generation, List.of(head), assembled::add);
		return assembled.get(0);
	}

	/**
	 * The agreement as last applied, read from its head alone.
	 * @param agreementId the agreement
	 * @return the agreement
	 * @throws NotFoundException if its agreement event has not arrived
	 */
	public AgreementSummary agreementSummary(String agreementId) {
		Query query = Query.query(Criteria.where("_id").is(agreementId));
		query.fields().include(DashboardHead.AGREEMENT);
		DashboardHead head = this.mongo.findOne(query, DashboardHead.class,
				this.collections.dashboards(this.collections.generations().active()));
		if (head == null || head.agreement() == null) {
			throw new NotFoundException("Agreement", agreementId);
		}
		return head.agreement();
	}

	/**
	 * An organization's id by its code, as the agreement events named it.
	 * @param code the organization's code
	 * @return its id, if known
	 */
	public Optional<String> organizationIdOfCode(String code) {
		String collection = this.collections.organizations(this.collections.generations().active());
		ensureIndex(collection, new Index().on("code", Sort.Direction.ASC).named("code"));
		return Optional
			.ofNullable(this.mongo.findOne(Query.query(Criteria.where("code").is(code)), OrganizationName.class,
					collection))
			.map(OrganizationName::id);
	}

	/**
	 * Every agreement's projection that has received its agreement.
	 * @return the dashboards, by agreement code
	 */
	public List<AgreementDashboard> dashboards() {
		List<AgreementDashboard> dashboards = new ArrayList<>();
		eachDashboard(dashboards::add);
		return dashboards;
	}

	/**
	 * One page of the portfolio, by agreement code: the agreements' maintained summaries
	 * read through the index on their code, and the names of the review hosts and of the
	 * parties awaiting acceptance they show by id, so a page costs the same however many
	 * agreements and activities are stored.
	 * @param page the page, from 0
	 * @param size the agreements per page, at most {@link #MAX_PAGE_SIZE}
	 * @return the page's lines
	 */
	public List<PortfolioEntry> portfolio(int page, int size) {
		if (page < 0) {
			throw new RuleViolationException("page", "must be 0 or more", "reporting.page.negative");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new RuleViolationException("size", "must be between 1 and " + MAX_PAGE_SIZE, "reporting.page.size",
					String.valueOf(MAX_PAGE_SIZE));
		}
		int generation = this.collections.generations().active();
		String collection = this.collections.portfolio(generation);
		ensureIndex(collection,
				new Index().on(PortfolioSummary.CODE, Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("code"));
		// code >= "" also leaves out summaries whose agreement has not arrived yet
		Query query = Query.query(Criteria.where(PortfolioSummary.CODE).gte(""))
			.with(Sort.by(PortfolioSummary.CODE, "_id"))
			.skip((long) page * size)
			.limit(size);
		query.fields().exclude(PortfolioTally.APPLIED);
		List<PortfolioSummary> summaries = this.mongo.find(query, PortfolioSummary.class, collection);
		Set<String> named = summaries.stream()
			.map(PortfolioSummary::review)
			.filter(Objects::nonNull)
			.map(ReviewEntry::upcomingHost)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		// and the parties awaiting acceptance, which the line names
		summaries.forEach((summary) -> named.addAll(AwaitingParty.ids(summary.agreement())));
		LocalDate today = today();
		Names names = names(generation, named);
		return summaries.stream().map((summary) -> PortfolioEntry.of(summary, today, names)).toList();
	}

	/**
	 * Hands out every dashboard by agreement code, reading the entries of a few
	 * agreements at a time, so neither a reply nor the heap has to hold all of them at
	 * once.
	 */
	private void eachDashboard(Consumer<AgreementDashboard> action) {
		int generation = this.collections.generations().active();
		List<DashboardHead> heads = this.mongo
			.find(new Query().cursorBatchSize(CHUNK), DashboardHead.class, this.collections.dashboards(generation))
			.stream()
			.filter((head) -> head.agreement() != null)
			.sorted(Comparator.comparing((DashboardHead head) -> head.agreement().code()))
			.toList();
		for (int from = 0; from < heads.size(); from += CHUNK) {
			assemble(generation, heads.subList(from, Math.min(heads.size(), from + CHUNK)), action);
		}
	}

	/**
	 * The heads' entries, found by their indexed {@code agreementId}, one query per kind
	 * for all the heads.
	 */
	private void assemble(int generation, List<DashboardHead> heads, Consumer<AgreementDashboard> action) {
		List<String> agreementIds = heads.stream().map(DashboardHead::agreementId).toList();
		Map<String, List<StoredActivity>> activities = byAgreement(agreementIds, StoredActivity.class,
				activitiesIndexed(generation), StoredActivity::agreementId);
		Map<String, List<StoredNotification>> notifications = byAgreement(agreementIds, StoredNotification.class,
				notificationsIndexed(generation), StoredNotification::agreementId);
		for (DashboardHead head : heads) {
			action.accept(AgreementDashboard.of(head, activities.getOrDefault(head.agreementId(), List.of()),
					notifications.getOrDefault(head.agreementId(), List.of())));
		}
	}

	private <T> Map<String, List<T>> byAgreement(List<String> agreementIds, Class<T> type, String collection,
			Function<T, String> agreementId) {
		Query query = Query.query(Criteria.where("agreementId").in(agreementIds)).cursorBatchSize(CHUNK * 100);
		return this.mongo.find(query, type, collection).stream().collect(Collectors.groupingBy(agreementId));
	}

	/** The activities' collection, with the index on agreement and change time. */
	private String activitiesIndexed(int generation) {
		String activities = this.collections.activities(generation);
		ensureIndex(activities,
				new Index().on("agreementId", Sort.Direction.ASC)
					.on(CHANGED_AT, Sort.Direction.DESC)
					.named("agreement_changed"));
		return activities;
	}

	/** The notification outcomes' collection, with the index on agreement. */
	private String notificationsIndexed(int generation) {
		String notifications = this.collections.notifications(generation);
		ensureIndex(notifications, new Index().on("agreementId", Sort.Direction.ASC).named("agreement"));
		return notifications;
	}

	private Names names(int generation, Set<String> ids) {
		if (ids.isEmpty()) {
			return new Names(Map.of());
		}
		return new Names(this.mongo
			.find(Query.query(Criteria.where("_id").in(ids)), OrganizationName.class,
					this.collections.organizations(generation))
			.stream()
			.collect(Collectors.toMap(OrganizationName::id, Function.identity())));
	}

	private void ensureIndex(String collection, Index index) {
		if (this.indexed.add(collection)) {
			this.mongo.indexOps(collection).createIndex(index);
		}
	}

	public Names names() {
		int generation = this.collections.generations().active();
		Map<String, OrganizationName> byId = this.mongo
			.findAll(OrganizationName.class, this.collections.organizations(generation))
			.stream()
			.collect(Collectors.toMap(OrganizationName::id, Function.identity()));
		return new Names(byId);
	}

}
