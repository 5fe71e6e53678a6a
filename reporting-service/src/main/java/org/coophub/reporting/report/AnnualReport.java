package org.coophub.reporting.report;

import java.time.LocalDate;

import org.coophub.platform.outbox.OutboxDocument;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The annual report of one agreement for one year as last published: its PDF's hash, the
 * period it covered and what generated it. A new version, and a new
 * report.annual-generated event, only when the content changed, so a redelivered "review
 * due" or "review held" publishes nothing twice.
 */
@Document("annual_reports")
class AnnualReport extends OutboxDocument {

	@Id
	private final String id;

	private final String agreementId;

	private final int year;

	private String contentHash;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	private String trigger;

	@PersistenceCreator
	AnnualReport(String id, String agreementId, int year) {
		this.id = id;
		this.agreementId = agreementId;
		this.year = year;
	}

	static String idOf(String agreementId, int year) {
		return agreementId + ":" + year;
	}

	static AnnualReport of(String agreementId, int year) {
		return new AnnualReport(idOf(agreementId, year), agreementId, year);
	}

	/**
	 * Records a newly generated PDF.
	 * @param hash the PDF's SHA-256
	 * @return whether it differs from the one published before
	 */
	boolean generated(String hash, ReviewPeriod period, String trigger) {
		if (hash.equals(this.contentHash)) {
			return false;
		}
		this.contentHash = hash;
		this.periodStart = period.start();
		this.periodEnd = period.end();
		this.trigger = trigger;
		this.version++;
		return true;
	}

	String agreementId() {
		return this.agreementId;
	}

	int year() {
		return this.year;
	}

	String contentHash() {
		return this.contentHash;
	}

	LocalDate periodStart() {
		return this.periodStart;
	}

	LocalDate periodEnd() {
		return this.periodEnd;
	}

	String trigger() {
		return this.trigger;
	}

}
