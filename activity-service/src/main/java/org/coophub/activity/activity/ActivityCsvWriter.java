package org.coophub.activity.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.activity.SharedDocument;
import org.coophub.platform.web.SpreadsheetCells;

/**
 * Writes activities in the import format, so an export re-imports unchanged. A text cell
 * a spreadsheet would run as a formula gets a single quote in front
 * ({@link SpreadsheetCells}), which the import removes again.
 */
final class ActivityCsvWriter {

	private ActivityCsvWriter() {
	}

	static String write(List<Activity> activities) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(CsvColumn.headers()).setRecordSeparator("\n").get())) {
			for (Activity activity : activities) {
				printer.printRecord(neutralised(cells(activity.state(), activity.details().description())));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static Object[] neutralised(Object[] cells) {
		for (int i = 0; i < cells.length; i++) {
			if (cells[i] instanceof String text) {
				cells[i] = SpreadsheetCells.neutralise(text);
			}
		}
		return cells;
	}

	private static Object[] cells(ActivityState a, String description) {
		Outcomes o = (a.outcomes() != null) ? a.outcomes()
				: new Outcomes(null, null, null, null, null, null, null, null, null, null, null);
		boolean capital = o.registeredCapital() != null;
		return new Object[] { a.agreementId(), a.type(), a.title().vi(), a.title().en(), description, a.startsAt(),
				a.endsAt(), a.timeZone(), (a.location() != null) ? a.location().province() : null,
				(a.location() != null) ? a.location().venue() : null, a.hostOrganizationId(),
				String.join(CsvColumn.LIST_SEPARATOR, a.participantOrganizationIds()),
				String.join(CsvColumn.LIST_SEPARATOR, orEmpty(a.participatingDepartments())),
				String.join(CsvColumn.LIST_SEPARATOR, a.commitmentIds()), a.status(), o.investorsAttending(),
				o.enterprisesAttending(), o.investmentLeads(), o.mousSigned(), o.projectsRegistered(),
				capital ? o.registeredCapital().amount().toPlainString() : null,
				capital ? o.registeredCapital().currency() : null, documents(o.documents()), o.topic(),
				o.participants(), o.minutesLink(), String.join(CsvColumn.LINE_SEPARATOR, orEmpty(o.planItems())),
				a.partnersNotified() };
	}

	private static String documents(List<SharedDocument> documents) {
		return orEmpty(documents).stream()
			.map((d) -> String.join(CsvColumn.PART_SEPARATOR, d.title(), d.kind().name(), d.link()))
			.collect(Collectors.joining(CsvColumn.LINE_SEPARATOR));
	}

	private static <T> List<T> orEmpty(List<T> values) {
		return (values != null) ? values : List.of();
	}

}
