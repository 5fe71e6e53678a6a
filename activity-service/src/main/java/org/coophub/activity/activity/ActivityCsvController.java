package org.coophub.activity.activity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk export of activities as CSV, in the format the import reads
 * ({@link ActivityImportController}).
 */
@RestController
@Tag(name = "Activity files", description = "Nhập và xuất tệp: activities imported from CSV or "
		+ "XLSX spreadsheets (with a preview and a template) and exported to CSV")
class ActivityCsvController {

	static final String TEXT_CSV = "text/csv";

	private final ActivityService activities;

	ActivityCsvController(ActivityService activities) {
		this.activities = activities;
	}

	@GetMapping(path = "/api/v1/activities:export", produces = TEXT_CSV + ";charset=UTF-8")
	@Operation(summary = "Export activities as CSV",
			description = "The activities the list's filters select, in the import's format with English headers. A text "
					+ "cell starting with =, +, -, @, tab or CR gets a ' in front (formula injection), which the "
					+ "import removes again: an export re-imports unchanged.")
	String export(@ParameterObject ActivityQuery query) {
		return ActivityCsvWriter.write(this.activities.all(query));
	}

}
