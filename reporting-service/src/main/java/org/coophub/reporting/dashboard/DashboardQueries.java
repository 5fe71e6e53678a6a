package org.coophub.reporting.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.coophub.platform.problem.NotFoundException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the active generation of the projection.
 */
@Component
public class DashboardQueries {

	public static final ZoneId PROGRAM_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Agreements whose entries are read together. */
	private static final int CHUNK = 50;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final ProjectionCollections collections;

	DashboardQueries(MongoTemplate mongo, Clock clock, ProjectionCollections collections) {
		this.mongo = mongo;
		this.clock = clock;
		this.collections = collections;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(PROGRAM_ZONE));
	}

	public AgreementDashboardView agreement(String agreementId) {
		return AgreementDashboardView.of(dashboard(agreementId), today(), names());
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
	 * Every agreement's projection that has received its agreement.
	 * @return the dashboards, by agreement code
	 */
	public List<AgreementDashboard> dashboards() {
		List<AgreementDashboard> dashboards = new ArrayList<>();
		eachDashboard(dashboards::add);
		return dashboards;
	}

	public List<PortfolioEntry> portfolio() {
		LocalDate today = today();
		Names names = names();
		List<PortfolioEntry> entries = new ArrayList<>();
		eachDashboard((dashboard) -> entries.add(PortfolioEntry.of(dashboard, today, names)));
		return entries;
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

	private void assemble(int generation, List<DashboardHead> heads, Consumer<AgreementDashboard> action) {
		Map<String, StoredActivity> activities = byIds(heads.stream().flatMap((h) -> h.activityIds().stream()),
				StoredActivity.class, this.collections.activities(generation), StoredActivity::id);
		Map<String, StoredNotification> notifications = byIds(
				heads.stream().flatMap((h) -> h.notificationIds().stream()), StoredNotification.class,
				this.collections.notifications(generation), StoredNotification::id);
		for (DashboardHead head : heads) {
			action.accept(AgreementDashboard.of(head, entries(head.activityIds(), activities),
					entries(head.notificationIds(), notifications)));
		}
	}

	private <T> Map<String, T> byIds(Stream<String> ids, Class<T> type, String collection, Function<T, String> id) {
		List<String> wanted = ids.toList();
		if (wanted.isEmpty()) {
			return Map.of();
		}
		Query query = Query.query(Criteria.where("_id").in(wanted)).cursorBatchSize(CHUNK * 100);
		return this.mongo.find(query, type, collection).stream().collect(Collectors.toMap(id, Function.identity()));
	}

	private static <T> List<T> entries(Set<String> ids, Map<String, T> byId) {
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
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
