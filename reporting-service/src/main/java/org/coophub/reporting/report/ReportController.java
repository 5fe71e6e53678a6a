package org.coophub.reporting.report;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "Annual reports",
		description = "Báo cáo sơ kết hằng năm: the annual review report of an agreement, as HTML or PDF")
@RequestMapping("/api/v1/agreements/{id}/reports")
class ReportController {

	static final String HASH_HEADER = "X-Content-SHA256";

	private final AnnualReports reports;

	ReportController(AnnualReports reports) {
		this.reports = reports;
	}

	@GetMapping(path = "/{year}", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The annual review report",
			description = "The report of the review period that ends with the year's review, as HTML (Accept: text/html) "
					+ "or PDF (Accept: application/pdf), lang vi (default) or en; X-Content-SHA256 carries the hash of"
					+ " the bytes.")
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
	@Operation(summary = "The annual review report as PDF (for links)",
			description = "The same report as PDF, for links that cannot set Accept.")
	@ApiResponse(responseCode = "200", description = "The report",
			content = { @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> pdfLink(@PathVariable String id, @PathVariable int year,
			@RequestParam(defaultValue = "vi") String lang) {
		return pdf(id, year, lang);
	}

	/**
	 * Generates the report for the parties now, as when the review falls due: for a
	 * party's EDITOR or an ADMIN, for a year of the agreement's period.
	 */
	@PostMapping("/{year}")
	@Operation(summary = "Announce the annual report now",
			description = "For an EDITOR of one of the agreement's parties or an ADMIN (else 403), for a year from the "
					+ "agreement's start year to its end year (this year while open-ended; else 422 naming year); the "
					+ "same content again announces nothing (announced: false).")
	AnnualReports.Published generate(@PathVariable String id, @PathVariable int year) {
		return this.reports.requested(id, year);
	}

}
