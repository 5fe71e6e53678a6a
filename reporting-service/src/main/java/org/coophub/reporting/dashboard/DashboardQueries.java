package org.coophub.reporting.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.coophub.platform.problem.NotFoundException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

@Component
class DashboardQueries {

	static final ZoneId PROGRAM_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final MongoTemplate mongo;

	private final Clock clock;

	DashboardQueries(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	AgreementDashboardView agreement(String agreementId) {
		AgreementDashboard dashboard = this.mongo.findById(agreementId, AgreementDashboard.class);
		if (dashboard == null) {
			throw new NotFoundException("Dashboard of agreement", agreementId);
		}
		return AgreementDashboardView.of(dashboard);
	}

	List<PortfolioEntry> portfolio() {
		int year = LocalDate.now(this.clock.withZone(PROGRAM_ZONE)).getYear();
		return this.mongo.findAll(AgreementDashboard.class)
			.stream()
			.filter((dashboard) -> dashboard.agreement() != null)
			.map((dashboard) -> PortfolioEntry.of(dashboard, year))
			.sorted(Comparator.comparing((PortfolioEntry entry) -> entry.agreement().code()))
			.toList();
	}

}
