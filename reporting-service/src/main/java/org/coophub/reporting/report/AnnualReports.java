package org.coophub.reporting.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.coophub.events.agreement.Party;
import org.coophub.events.report.AnnualReportGenerated;
import org.coophub.platform.messaging.NotArrivedYetException;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.security.OrganizationScope;
import org.coophub.platform.zone.ProgramZone;
import org.coophub.reporting.dashboard.AgreementSummary;
import org.coophub.reporting.dashboard.ActivityEntry;
import org.coophub.reporting.dashboard.AgreementVersion;
import org.coophub.reporting.dashboard.DashboardQueries;
import org.coophub.reporting.dashboard.PeriodQueries;
import org.coophub.reporting.dashboard.ReviewCycleEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes annual review reports and publishes report.annual-generated (through the outbox)
 * when a report is generated for the parties: when notification-service says a review is
 * due or was held, or when someone asks. A report covers its review period
 * ({@link ReviewPeriod}) and is computed from the agreement as it stood at the period's
 * end ({@link AgreementAsOf}), the period's activities and that year's review.
 */
@Service
public class AnnualReports {

	private static final Logger log = LoggerFactory.getLogger(AnnualReports.class);

	static final String PUBLISHED_LANGUAGE = "vi";

	static final String DUE = "DUE";

	static final String HELD = "HELD";

	static final String REQUEST = "REQUEST";

	private final PeriodQueries periods;

	private final DashboardQueries dashboards;

	private final AnnualReportRenderer renderer;

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final ReportLinks links;

	private final Clock clock;

	private final Duration historyWindow;

	private final ProgramZone programZone;

	AnnualReports(PeriodQueries periods, DashboardQueries dashboards, AnnualReportRenderer renderer,
			MongoTemplate mongo, OutboxWriter outbox, ReportLinks links, Clock clock,
			@Value("${coophub.reports.history-window:14d}") Duration historyWindow, ProgramZone programZone) {
		this.periods = periods;
		this.dashboards = dashboards;
		this.renderer = renderer;
		this.mongo = mongo;
		this.outbox = outbox;
		this.links = links;
		this.clock = clock;
		this.historyWindow = historyWindow;
		this.programZone = programZone;
	}

	/**
	 * The report's content: reads that agreement's versions, the year's and the previous
	 * year's review cycles, and the activities of the period, each by an indexed key.
	 * @param agreementId the agreement
	 * @param year the year reviewed
	 * @return the content
	 */
	public AnnualReportContent content(String agreementId, int year) {
		if (year < 1990 || year > 2200) {
			throw new RuleViolationException("year", "must be a year between 1990 and 2200", "reporting.report.year");
		}
		List<AgreementVersion> versions = this.periods.agreementVersions(agreementId);
		Optional<ReviewCycleEntry> cycle = this.periods.reviewCycle(agreementId, year);
		ReviewPeriod period = ReviewPeriod.of(year, cycle, this.periods.reviewCycle(agreementId, year - 1));
		AgreementAsOf asOf = AgreementAsOf.of(versions, period.end())
			.orElseThrow(() -> new NotFoundException("Agreement", agreementId));
		List<ActivityEntry> activities = this.periods.activities(agreementId, period.start(), period.end());
		return AnnualReportContent.of(agreementId, asOf, period, activities, cycle, this.dashboards.names(), year);
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
	 * Generates and announces a report because someone asked: only an EDITOR of one of
	 * the agreement's parties or an ADMIN may, and only for a year of the agreement's
	 * period (its start's year to its end's year, or to this year while it has no end),
	 * so nobody mails a partner's contacts about someone else's agreement or an arbitrary
	 * year.
	 * @param agreementId the agreement
	 * @param year the year reviewed
	 * @return the report's facts, and whether this call announced it
	 */
	public Published requested(String agreementId, int year) {
		AgreementSummary agreement = this.dashboards.agreementSummary(agreementId);
		// a party that has not accepted the agreement has no party rights yet
		List<String> parties = (agreement.parties() != null)
				? agreement.parties().stream().filter(Party::accepted).map(Party::organizationId).toList() : List.of();
		OrganizationScope.requireWriteFor(parties, this.dashboards::organizationIdOfCode,
				"agreement " + agreement.code());
		int first = (agreement.startsOn() != null) ? agreement.startsOn().getYear() : 1990;
		int last = (agreement.endsOn() != null) ? agreement.endsOn().getYear() : this.dashboards.today().getYear();
		if (year < first || year > last) {
			throw new RuleViolationException("year",
					"must be a year of the agreement's period, " + first + " to " + last,
					"reporting.report.year-of-period", String.valueOf(first), String.valueOf(last));
		}
		return generate(agreementId, year, REQUEST);
	}

	/**
	 * Generates the report for the parties and announces it with a signed link, unless
	 * the same report was announced already.
	 * @param agreementId the agreement
	 * @param year the year reviewed
	 * @param trigger what asks for it: DUE, HELD or REQUEST
	 * @return the report's facts, and whether this call announced it
	 */
	public Published generate(String agreementId, int year, String trigger) {
		AnnualReportContent content = content(agreementId, year);
		String hash = AnnualReportRenderer.sha256(this.renderer.pdf(content, PUBLISHED_LANGUAGE));
		String path = path(agreementId, year);
		ReviewPeriod period = content.period();
		AnnualReport report = this.mongo.findById(AnnualReport.idOf(agreementId, year), AnnualReport.class);
		if (report == null) {
			report = AnnualReport.of(agreementId, year);
		}
		ReportLinks.Link link = this.links.issue(agreementId, year);
		if (!report.generated(hash, period, trigger)) {
			return new Published(agreementId, year, path, hash, report.version(), false, period.start(), period.end(),
					report.trigger(), link.path(), link.expiresAt());
		}
		AnnualReportGenerated event = new AnnualReportGenerated(UUID.randomUUID().toString(), this.clock.instant(),
				agreementId, report.version(), year, path, hash, period.start(), period.end(), trigger, link.path(),
				link.expiresAt());
		this.outbox.save(report, event);
		log.info("Annual report {} of agreement {} ({} to {}, {}) announced as version {}", year, agreementId,
				period.start(), period.end(), trigger, report.version());
		return new Published(agreementId, year, path, hash, report.version(), true, period.start(), period.end(),
				trigger, link.path(), link.expiresAt());
	}

	/**
	 * A review fell due: the report of the period it will close, so far.
	 */
	@EventListener
	void reviewFellDue(ReviewFellDue due) {
		announce(due.agreementId(), due.year(), DUE, due.dueOn(), due.announcedAt());
	}

	/**
	 * A review was held: the report of the period it closed.
	 */
	@EventListener
	void reviewWasHeld(ReviewWasHeld held) {
		announce(held.agreementId(), held.year(), HELD, held.heldOn(), held.announcedAt());
	}

	/**
	 * Generates and announces a report by itself, unless the review is history entered
	 * after the fact (its day more than the history window before notification-service
	 * spoke of it): nobody is mailed about a review of 2011 recorded today; its report is
	 * there on request. If the agreement has not reached this service yet (its events
	 * travel on another topic), the event waits for it.
	 */
	private void announce(String agreementId, int year, String trigger, LocalDate reviewDay, Instant announcedAt) {
		if (reviewDay != null && announcedAt != null && reviewDay
			.isBefore(announcedAt.atZone(this.programZone.id()).toLocalDate().minusDays(this.historyWindow.toDays()))) {
			log.info("Review {} of agreement {} ({}) is history: its report is not announced by itself", year,
					agreementId, reviewDay);
			return;
		}
		try {
			generate(agreementId, year, trigger);
		}
		catch (NotFoundException ex) {
			throw new NotArrivedYetException("agreement " + agreementId);
		}
		catch (RuleViolationException ex) {
			log.warn("No annual report for agreement {} ({}): {}", agreementId, year, ex.getMessage());
		}
	}

	static String path(String agreementId, int year) {
		return "/api/v1/agreements/" + agreementId + "/reports/" + year;
	}

	/**
	 * A generated report.
	 *
	 * @param agreementId the agreement
	 * @param year the year reviewed
	 * @param path where it is served to signed-in users
	 * @param contentHash the SHA-256 of its Vietnamese PDF
	 * @param version the report's version
	 * @param announced whether this call published the event
	 * @param periodStart the first day covered
	 * @param periodEnd the last day covered
	 * @param trigger what generated the version announced
	 * @param linkPath a signed link that opens it without signing in
	 * @param linkExpiresAt when that link stops working
	 */
	public record Published(String agreementId, int year, String path, String contentHash, long version,
			boolean announced, LocalDate periodStart, LocalDate periodEnd, String trigger, String linkPath,
			Instant linkExpiresAt) {

	}

}
