package org.coophub.reporting.report;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual report's PDF by a signed link from the parties' mail ({@link ReportLinks}):
 * no token or session, only a valid, unexpired signature for this very report (else 403
 * problem+json). {@code lang=en} gives the English copy of the same report. Not in the
 * OpenAPI document, whose operations all take a token: this one is for mail readers
 * (docs/dashboard.md).
 */
@Hidden
@RestController
class SignedReportController {

	private final AnnualReports reports;

	private final ReportLinks links;

	SignedReportController(AnnualReports reports, ReportLinks links) {
		this.reports = reports;
		this.links = links;
	}

	@GetMapping(ReportLinks.PATH + "{agreementId}/{year}")
	ResponseEntity<byte[]> report(@PathVariable String agreementId, @PathVariable int year, @RequestParam long expires,
			@RequestParam String sig, @RequestParam(defaultValue = "vi") String lang) {
		this.links.verify(agreementId, year, expires, sig);
		byte[] pdf = this.reports.pdf(agreementId, year, lang);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(ReportController.HASH_HEADER, AnnualReportRenderer.sha256(pdf))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"inline; filename=\"annual-report-" + year + "-" + ("en".equals(lang) ? "en" : "vi") + ".pdf\"")
			.body(pdf);
	}

}
