package org.coophub.reporting.report;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual review report: HTML or PDF by Accept (or the {@code .pdf} path), Vietnamese
 * unless {@code lang=en}; the served bytes' SHA-256 in {@code X-Content-SHA256}.
 */
@RestController
@RequestMapping("/api/v1/agreements/{id}/reports")
class ReportController {

	static final String HASH_HEADER = "X-Content-SHA256";

	private final AnnualReports reports;

	ReportController(AnnualReports reports) {
		this.reports = reports;
	}

	@GetMapping(path = "/{year}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<byte[]> html(@PathVariable String id, @PathVariable int year,
			@RequestParam(defaultValue = "vi") String lang) {
		byte[] html = this.reports.html(id, year, lang).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header(HASH_HEADER, AnnualReportRenderer.sha256(html))
			.body(html);
	}

	@GetMapping(path = "/{year}", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable int year,
			@RequestParam(defaultValue = "vi") String lang) {
		byte[] pdf = this.reports.pdf(id, year, lang);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HASH_HEADER, AnnualReportRenderer.sha256(pdf))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"inline; filename=\"annual-report-" + year + "-" + ("en".equals(lang) ? "en" : "vi") + ".pdf\"")
			.body(pdf);
	}

	@GetMapping(path = "/{year}.pdf")
	ResponseEntity<byte[]> pdfLink(@PathVariable String id, @PathVariable int year,
			@RequestParam(defaultValue = "vi") String lang) {
		return pdf(id, year, lang);
	}

	/**
	 * Generates the report for the parties now, as when the review falls due: for a
	 * party's EDITOR or an ADMIN, for a year of the agreement's period.
	 */
	@PostMapping("/{year}")
	AnnualReports.Published generate(@PathVariable String id, @PathVariable int year) {
		return this.reports.requested(id, year);
	}

}
