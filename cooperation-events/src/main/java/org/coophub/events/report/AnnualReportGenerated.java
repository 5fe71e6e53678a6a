package org.coophub.events.report;

import java.time.Instant;
import java.time.LocalDate;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * The annual review report (sơ kết) of an agreement for a year was generated;
 * {@code path} is where reporting-service serves it and {@code contentHash} (SHA-256 of
 * the PDF) lets a reader check the copy they hold.
 *
 * @param periodStart the first day of the period the report covers; absent in events
 * written before it existed
 * @param periodEnd the last day of that period (the report is computed as of it)
 * @param trigger what generated it: {@code DUE} (the review fell due), {@code HELD} (the
 * review was held) or {@code REQUEST} (someone asked)
 * @param linkPath a path that opens the report without signing in until
 * {@code linkExpiresAt} (signed), for the mail to the parties
 * @param linkExpiresAt when that link stops working
 */
@EventType(value = "org.coophub.report.annual-generated.v1", topic = Topics.REPORT_EVENTS)
public record AnnualReportGenerated(String eventId, Instant occurredAt, String agreementId, long version, int year,
		String path, String contentHash, LocalDate periodStart, LocalDate periodEnd, String trigger, String linkPath,
		Instant linkExpiresAt) implements DomainEvent {

	/**
	 * A report announced without period or signed link.
	 */
	public AnnualReportGenerated(String eventId, Instant occurredAt, String agreementId, long version, int year,
			String path, String contentHash) {
		this(eventId, occurredAt, agreementId, version, year, path, contentHash, null, null, null, null, null);
	}

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
