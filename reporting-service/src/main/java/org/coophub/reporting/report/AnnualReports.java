package org.coophub.reporting.report;

import java.time.Clock;
import java.util.UUID;

import org.coophub.events.report.AnnualReportGenerated;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.reporting.dashboard.AgreementDashboard;
import org.coophub.reporting.dashboard.DashboardQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes annual review reports from the projection and publishes report.annual-generated
 * (through the outbox) when a report is generated for the parties: when
 * notification-service says a review is due, or when someone asks.
 */
@Service
public class AnnualReports {

	private static final Logger log = LoggerFactory.getLogger(AnnualReports.class);

	static final String PUBLISHED_LANGUAGE = "vi";

	private final DashboardQueries dashboards;

	private final AnnualReportRenderer renderer;

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final Clock clock;

	AnnualReports(DashboardQueries dashboards, AnnualReportRenderer renderer, MongoTemplate mongo, OutboxWriter outbox,
			Clock clock) {
		this.dashboards = dashboards;
		this.renderer = renderer;
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
	}

	public AnnualReportContent content(String agreementId, int year) {
		if (year < 1990 || year > 2200) {
			throw new RuleViolationException("year", "must be a year between 1990 and 2200");
		}
		AgreementDashboard dashboard = this.dashboards.dashboard(agreementId);
		if (dashboard.agreement() == null) {
			throw new RuleViolationException("agreementId", "the agreement itself has not been received yet");
		}
		return AnnualReportContent.of(dashboard, this.dashboards.names(), year);
	}

	public String html(String agreementId, int year, String language) {
		AnnualReportContent content = content(agreementId, year);
		byte[] pdf = this.renderer.pdf(content, language);
		return this.renderer.html(content, language, AnnualReportRenderer.sha256(pdf));
	}

	public byte[] pdf(String agreementId, int year, String language) {
		return this.renderer.pdf(content(agreementId, year), language);
	}

	/**
	 * Generates the report for the parties and announces it, unless the same report was
	 * announced already.
	 * @param agreementId the agreement
	 * @param year the year reviewed
	 * @return the event published, or the last one's facts if nothing changed
	 */
	public Published generate(String agreementId, int year) {
		byte[] pdf = pdf(agreementId, year, PUBLISHED_LANGUAGE);
		String hash = AnnualReportRenderer.sha256(pdf);
		String path = path(agreementId, year);
		AnnualReport report = this.mongo.findById(AnnualReport.idOf(agreementId, year), AnnualReport.class);
		if (report == null) {
			report = AnnualReport.of(agreementId, year);
		}
		if (!report.generated(hash)) {
			return new Published(agreementId, year, path, hash, report.version(), false);
		}
		AnnualReportGenerated event = new AnnualReportGenerated(UUID.randomUUID().toString(), this.clock.instant(),
				agreementId, report.version(), year, path, hash);
		this.outbox.save(report, event);
		return new Published(agreementId, year, path, hash, report.version(), true);
	}

	/**
	 * A review fell due. If the agreement itself has not reached this service yet (its
	 * events travel on another topic), the report is skipped rather than the valid
	 * notification event dead-lettered; it can be generated on request later.
	 */
	@EventListener
	void reviewFellDue(ReviewFellDue due) {
		try {
			generate(due.agreementId(), due.year());
		}
		catch (NotFoundException | RuleViolationException ex) {
			log.warn("No annual report for agreement {} ({}): {}", due.agreementId(), due.year(), ex.getMessage());
		}
	}

	static String path(String agreementId, int year) {
		return "/api/v1/agreements/" + agreementId + "/reports/" + year;
	}

	/**
	 * A generated report as announced.
	 *
	 * @param agreementId the agreement
	 * @param year the year reviewed
	 * @param path where it is served
	 * @param contentHash the SHA-256 of its PDF
	 * @param version the report's version
	 * @param announced whether this call published the event
	 */
	public record Published(String agreementId, int year, String path, String contentHash, long version,
			boolean announced) {

	}

}
