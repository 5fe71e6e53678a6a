package org.coophub.activity.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.Outcomes;

/**
 * Writes activities in the import format, so an export re-imports unchanged.
 */
final class ActivityCsvWriter {

	private ActivityCsvWriter() {
	}

	static String write(List<Activity> activities) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(CsvColumn.headers()).setRecordSeparator("\n").get())) {
			for (Activity activity : activities) {
				printer.printRecord(cells(activity.state(), activity.details().description()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static Object[] cells(ActivityState a, String description) {
		Outcomes o = a.outcomes();
		boolean capital = o != null && o.registeredCapital() != null;
		return new Object[] { a.agreementId(), a.type(), a.title().vi(), a.title().en(), description, a.startsAt(),
				a.endsAt(), a.timeZone(), (a.location() != null) ? a.location().province() : null,
				(a.location() != null) ? a.location().venue() : null, a.hostOrganizationId(),
				String.join(CsvColumn.LIST_SEPARATOR, a.participantOrganizationIds()),
				String.join(CsvColumn.LIST_SEPARATOR, a.commitmentIds()), a.status(),
				(o != null) ? o.investorsAttending() : null, (o != null) ? o.enterprisesAttending() : null,
				(o != null) ? o.investmentLeads() : null, (o != null) ? o.mousSigned() : null,
				(o != null) ? o.projectsRegistered() : null,
				capital ? o.registeredCapital().amount().toPlainString() : null,
				capital ? o.registeredCapital().currency() : null };
	}

}
