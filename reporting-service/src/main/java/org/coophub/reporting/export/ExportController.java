package org.coophub.reporting.export;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coophub.reporting.dashboard.AgreementDashboard;
import org.coophub.reporting.dashboard.DashboardQueries;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activities and outcomes of a dashboard view (the portfolio, or one agreement;
 * optionally one year) as CSV or XLSX.
 */
@RestController
@Tag(name = "Dashboard exports",
		description = "Xuất dữ liệu: the activities and outcomes of a dashboard as CSV or Excel")
@RequestMapping("/api/v1/dashboard")
class ExportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final DashboardQueries queries;

	ExportController(DashboardQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/export.{format:csv|xlsx}")
	@Operation(summary = "Export the portfolio (CSV or Excel)",
			description = "Activities and outcomes of every agreement, one row per activity (cancelled ones with their "
					+ "status); format csv (RFC 4180, UTF-8 with a byte order mark) or xlsx; year restricts to one "
					+ "year, lang=en gives English headers and titles (default vi).")
	@ApiResponse(responseCode = "200", description = "The file, as an attachment",
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
							schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> portfolio(@PathVariable String format, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "vi") String lang) {
		return export(this.queries.dashboards(), "portfolio", format, year, lang);
	}

	@GetMapping("/agreements/{id}/export.{format:csv|xlsx}")
	@Operation(summary = "Export one agreement (CSV or Excel)",
			description = "The agreement's activities and outcomes, one row per activity, as the portfolio's export.")
	@ApiResponse(responseCode = "200", description = "The file, as an attachment",
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
							schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> agreement(@PathVariable String id, @PathVariable String format,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "vi") String lang) {
		AgreementDashboard dashboard = this.queries.dashboard(id);
		String name = (dashboard.agreement() != null) ? dashboard.agreement().code() : id;
		return export(List.of(dashboard), name, format, year, lang);
	}

	private ResponseEntity<byte[]> export(List<AgreementDashboard> dashboards, String name, String format, Integer year,
			String lang) {
		List<List<Object>> rows = ExportRows.of(dashboards, this.queries.names(), year, lang);
		List<String> headers = ExportRows.headers(lang);
		String file = "activities-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ((year != null) ? "-" + year : "") + "."
				+ format;
		boolean csv = "csv".equals(format);
		byte[] body = csv ? Spreadsheets.csv(headers, rows) : Spreadsheets.xlsx("Activities", headers, rows);
		return ResponseEntity.ok()
			.contentType(csv ? CSV : XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
			.body(body);
	}

}
