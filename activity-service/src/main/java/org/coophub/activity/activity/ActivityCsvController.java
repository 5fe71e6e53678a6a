package org.coophub.activity.activity;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk import and export of activities as CSV, the format spreadsheets and the partners'
 * existing lists already use.
 */
@RestController
class ActivityCsvController {

	static final String TEXT_CSV = "text/csv";

	private final ActivityImport imports;

	private final ActivityService activities;

	ActivityCsvController(ActivityImport imports, ActivityService activities) {
		this.imports = imports;
		this.activities = activities;
	}

	@PostMapping(path = "/api/v1/activities:import", consumes = { TEXT_CSV, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ResponseEntity<Map<String, Object>> importFile(@RequestBody byte[] file) {
		List<Activity> imported = this.imports.importFile(file);
		return ResponseEntity.created(URI.create("/api/v1/activities"))
			.body(Map.of("imported", imported.size(), "ids", imported.stream().map(Activity::id).toList()));
	}

	@GetMapping(path = "/api/v1/activities:export", produces = TEXT_CSV + ";charset=UTF-8")
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
