package org.coophub.activity.activity;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk import and export of activities as CSV, the format spreadsheets and the partners'
 * existing lists already use.
 */
@RestController
@Tag(name = "Activity files", description = "Nhập và xuất CSV: activities imported from "
		+ "and exported to CSV files, the format the partners' spreadsheets use")
class ActivityCsvController {

	static final String TEXT_CSV = "text/csv";

	private final ActivityImport imports;

	private final ActivityService activities;

	ActivityCsvController(ActivityImport imports, ActivityService activities) {
		this.imports = imports;
		this.activities = activities;
	}

	@PostMapping(path = "/api/v1/activities:import", consumes = { TEXT_CSV, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Import activities from a CSV file",
			description = "CSV in UTF-8 (with or without BOM), English or Vietnamese headers in any order (docs/api.md "
					+ "lists the columns). All or nothing: any bad row is 422 with every error {row, column, message} "
					+ "(the first 100, and errorCount), and nothing is stored; an unreadable file (not UTF-8, broken "
					+ "quoting, unknown or missing columns) is 400; more than 10,000 rows is 422, a file over 10 MB "
					+ "413. Answers 201 {imported, ids}.")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Map<String, Object>> importFile(@RequestBody byte[] file) {
		List<Activity> imported = this.imports.importFile(file);
		return ResponseEntity.created(URI.create("/api/v1/activities"))
			.body(Map.of("imported", imported.size(), "ids", imported.stream().map(Activity::id).toList()));
	}

	@GetMapping(path = "/api/v1/activities:export", produces = TEXT_CSV + ";charset=UTF-8")
	@Operation(summary = "Export activities as CSV",
			description = "The activities the list's filters select, in the import's format with English headers. A text "
					+ "cell starting with =, +, -, @, tab or CR gets a ' in front (formula injection), which the "
					+ "import removes again: an export re-imports unchanged.")
	String export(@ParameterObject ActivityQuery query) {
		return ActivityCsvWriter.write(this.activities.all(query));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rejected(CsvRejectedException ex) {
		HttpStatus status = ex.isUnreadable() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(ex.isUnreadable() ? "Unreadable file" : "Invalid rows");
		if (!ex.errors().isEmpty()) {
			problem.setProperty("errors", ex.errors());
			problem.setProperty("errorCount", ex.errorCount());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
