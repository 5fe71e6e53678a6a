package org.coophub.reporting.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coophub.platform.problem.NotFoundException;

import org.springframework.data.mongodb.core.MongoTemplate;
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
		AgreementDashboard dashboard = this.mongo.findById(agreementId, AgreementDashboard.class,
				this.collections.dashboards(generation));
		if (dashboard == null) {
			throw new NotFoundException("Dashboard of agreement", agreementId);
		}
		return dashboard;
	}

	/**
	 * Every agreement's projection that has received its agreement.
	 * @return the dashboards, by agreement code
	 */
	public List<AgreementDashboard> dashboards() {
		int generation = this.collections.generations().active();
		return this.mongo.findAll(AgreementDashboard.class, this.collections.dashboards(generation))
			.stream()
			.filter((dashboard) -> dashboard.agreement() != null)
			.sorted(Comparator.comparing((AgreementDashboard d) -> d.agreement().code()))
			.toList();
	}

	public List<PortfolioEntry> portfolio() {
		int generation = this.collections.generations().active();
		LocalDate today = today();
		Names names = names();
		return this.mongo.findAll(AgreementDashboard.class, this.collections.dashboards(generation))
			.stream()
			.filter((dashboard) -> dashboard.agreement() != null)
			.map((dashboard) -> PortfolioEntry.of(dashboard, today, names))
			.sorted(Comparator.comparing((PortfolioEntry entry) -> entry.agreement().code()))
			.toList();
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
