package org.coophub.events.report;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * The annual review report (sơ kết) of an agreement for a year was generated;
 * {@code path} is where reporting-service serves it and {@code contentHash} (SHA-256 of
 * the PDF) lets a reader check the copy they hold.
 */
@EventType(value = "org.coophub.report.annual-generated.v1", topic = Topics.REPORT_EVENTS)
public record AnnualReportGenerated(String eventId, Instant occurredAt, String agreementId, long version, int year,
		String path, String contentHash) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
