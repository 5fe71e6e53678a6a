package org.coophub.activity.activity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coophub.events.activity.ActivityType;

/**
 * What importing a file would do, row by row: nothing of it is stored or published.
 *
 * @param format what the file was read as
 * @param rowCount how many data rows the file has (rows left empty are not counted)
 * @param validRows how many of them would be recorded
 * @param errorCount how many errors there are in all
 * @param rows every row, in file order
 */
record ImportPreview(ImportFormat format, int rowCount, int validRows, int errorCount, List<PreviewRow> rows) {

	static ImportPreview of(ImportFormat format, List<ActivityFileReader.Row> rows, List<CsvError> errors) {
		Map<Integer, List<CellError>> byRow = new LinkedHashMap<>();
		for (CsvError error : errors) {
			byRow.computeIfAbsent(error.row(), (row) -> new ArrayList<>())
				.add(new CellError(error.column(), error.message()));
		}
		List<PreviewRow> preview = rows.stream().map((row) -> {
			ActivityFileReader.Summary says = row.summary();
			List<CellError> rowErrors = byRow.getOrDefault(row.number(), List.of());
			return new PreviewRow(row.number(), rowErrors.isEmpty(), says.agreement(), says.agreementId(),
					says.agreementCode(), says.type(), says.title(), says.startsAt(), says.endsAt(), says.host(),
					rowErrors);
		}).toList();
		int valid = (int) preview.stream().filter(PreviewRow::valid).count();
		return new ImportPreview(format, preview.size(), valid, errors.size(), preview);
	}

	/**
	 * One row: what it records, or why it cannot.
	 *
	 * @param row its number, 1 for the first row after the header
	 * @param valid whether it would be recorded
	 * @param agreement the agreement as the file names it (code or id)
	 * @param agreementId the agreement found, if any
	 * @param agreementCode its code
	 * @param type the activity type, if it read
	 * @param title the Vietnamese title
	 * @param startsAt when it starts, if it read
	 * @param endsAt when it ends, if it read
	 * @param host the host as the file names it
	 * @param errors what is wrong, by column; empty when valid
	 */
	record PreviewRow(int row, boolean valid, String agreement, String agreementId, String agreementCode,
			ActivityType type, String title, LocalDateTime startsAt, LocalDateTime endsAt, String host,
			List<CellError> errors) {
	}

	/**
	 * One error of a row.
	 *
	 * @param column the header as the file writes it, or null for the whole row
	 * @param message what is wrong, in the request's language
	 */
	record CellError(String column, String message) {
	}

}
