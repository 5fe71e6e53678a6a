package org.coophub.reporting.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
		return AgreementDashboard.of(head,
				byIds(head.activityIds(), StoredActivity.class, this.collections.activities(generation)),
				byIds(head.notificationIds(), StoredNotification.class, this.collections.notifications(generation)));
	}

	/**
	 * Every agreement's projection that has received its agreement.
	 * @return the dashboards, by agreement code
	 */
	public List<AgreementDashboard> dashboards() {
		int generation = this.collections.generations().active();
		Map<String, List<StoredActivity>> activities = this.mongo
			.findAll(StoredActivity.class, this.collections.activities(generation))
			.stream()
			.collect(Collectors.groupingBy(StoredActivity::agreementId));
		Map<String, List<StoredNotification>> notifications = this.mongo
			.findAll(StoredNotification.class, this.collections.notifications(generation))
			.stream()
			.collect(Collectors.groupingBy(StoredNotification::agreementId));
		return this.mongo.findAll(DashboardHead.class, this.collections.dashboards(generation))
			.stream()
			.filter((head) -> head.agreement() != null)
			.map((head) -> AgreementDashboard.of(head, activities.getOrDefault(head.agreementId(), List.of()),
					notifications.getOrDefault(head.agreementId(), List.of())))
			.sorted(Comparator.comparing((AgreementDashboard d) -> d.agreement().code()))
			.toList();
	}

	public List<PortfolioEntry> portfolio() {
		LocalDate today = today();
		Names names = names();
		return dashboards().stream().map((dashboard) -> PortfolioEntry.of(dashboard, today, names)).toList();
	}

	public Names names() {
		int generation = this.collections.generations().active();
		Map<String, OrganizationName> byId = this.mongo
			.findAll(OrganizationName.class, this.collections.organizations(generation))
			.stream()
			.collect(Collectors.toMap(OrganizationName::id, Function.identity()));
		return new Names(byId);
	}

	private <T> List<T> byIds(Set<String> ids, Class<T> type, String collection) {
		return ids.isEmpty() ? List.of()
				: this.mongo.find(Query.query(Criteria.where("_id").in(ids)), type, collection);
	}

}
