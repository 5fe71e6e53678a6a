package org.coophub.activity.activity;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coophub.activity.activity.ActivityInput.DocumentInput;
import org.coophub.activity.activity.ActivityInput.LocationInput;
import org.coophub.activity.activity.ActivityInput.MoneyInput;
import org.coophub.activity.activity.ActivityInput.OutcomesInput;
import org.coophub.activity.agreement.KnownAgreement;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.DocumentKind;
import org.coophub.platform.web.SpreadsheetCells;
import org.coophub.platform.web.TextInput;

/**
 * Reads an imported file (CSV or XLSX, {@link ImportTable}) into inputs, one per row,
 * collecting every cell that does not read instead of stopping at the first. Headers may
 * be any of a column's names ({@link CsvColumn}); agreements and organizations are named
 * by code or id ({@link ImportReferences}); dates, numbers, types and statuses are read
 * as people type them ({@link ImportCells}, {@link ActivityLabels}).
 */
final class ActivityFileReader {

	private final Map<CsvColumn, Integer> positions = new EnumMap<>(CsvColumn.class);

	private final ImportTable table;

	private final ImportMessages messages;

	private ActivityFileReader(ImportTable table, ImportMessages messages) {
		this.table = table;
		this.messages = messages;
	}

	/**
	 * Reads a file's header and rows.
	 * @param file the file
	 * @param maxRows the most data rows a file may have ({@code coophub.import.max-rows})
	 * @param messages what to say, in the request's language
	 * @return the reader
	 * @throws CsvRejectedException when the file cannot be read or has too many rows
	 */
	static ActivityFileReader of(byte[] file, int maxRows, ImportMessages messages) {
		ActivityFileReader reader = new ActivityFileReader(ImportTable.read(file, maxRows, messages), messages);
		reader.mapHeaders();
		return reader;
	}

	ImportFormat format() {
		return this.table.format();
	}

	private void mapHeaders() {
		List<String> headers = this.table.headers();
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < headers.size(); i++) {
			int position = i;
			CsvColumn.byHeader(headers.get(i))
				.ifPresentOrElse((column) -> this.positions.put(column, position),
						() -> unknown.add(headers.get(position)));
		}
		if (!unknown.isEmpty()) {
			throw CsvRejectedException.unreadable(this.messages,
					this.messages.unknownColumns(String.join(", ", unknown),
							Arrays.stream(CsvColumn.values())
								.map((column) -> column.label(this.messages.language()))
								.collect(Collectors.joining(", "))));
		}
		for (CsvColumn required : CsvColumn.REQUIRED) {
			if (!this.positions.containsKey(required)) {
				throw CsvRejectedException.unreadable(this.messages,
						this.messages.missingColumn(required.label(this.messages.language())));
			}
		}
	}

	/** What the agreement cells say, each once. */
	Set<String> agreementCells() {
		return cellsOf(List.of(CsvColumn.AGREEMENT_ID));
	}

	/** What the host and participant cells say, each organization once. */
	Set<String> organizationCells() {
		return cellsOf(List.of(CsvColumn.HOST, CsvColumn.PARTICIPANTS));
	}

	private Set<String> cellsOf(List<CsvColumn> columns) {
		Set<String> values = new LinkedHashSet<>();
		for (ImportTable.Row row : this.table.rows()) {
			for (CsvColumn column : columns) {
				Integer position = this.positions.get(column);
				if (position != null && position < row.cells().size()) {
					Arrays.stream(row.cells().get(position).split(CsvColumn.LIST_SEPARATOR))
						.map(String::strip)
						.filter((value) -> !value.isEmpty())
						.forEach(values::add);
				}
			}
		}
		return values;
	}

	/**
	 * Reads every row.
	 * @param errors where the cells that do not read are added
	 * @param references the agreements and organizations the file names
	 * @return every row, in file order, with its input when all its cells read
	 */
	List<Row> rows(List<CsvError> errors, ImportReferences references) {
		List<Row> rows = new ArrayList<>();
		int width = this.table.headers().size();
		for (ImportTable.Row record : this.table.rows()) {
			Cells cells = new Cells(record, errors, references);
			if (record.cells().size() != width) {
				errors
					.add(new CsvError(record.number(), null, this.messages.columnCount(record.cells().size(), width)));
				rows.add(new Row(record.number(), null, cells.summary()));
				continue;
			}
			String agreementId = cells.agreementId();
			ActivityInput input = new ActivityInput(agreementId,
					cells.parse(CsvColumn.TYPE, ActivityLabels::type, this.messages.expectedType()),
					new TextInput(cells.text(CsvColumn.TITLE_VI), cells.text(CsvColumn.TITLE_EN)),
					cells.text(CsvColumn.DESCRIPTION), cells.dateTime(CsvColumn.STARTS_AT, LocalTime.MIDNIGHT),
					cells.dateTime(CsvColumn.ENDS_AT, ImportCells.END_OF_DAY), cells.text(CsvColumn.TIME_ZONE),
					location(cells), cells.organization(CsvColumn.HOST), cells.organizations(CsvColumn.PARTICIPANTS),
					cells.list(CsvColumn.DEPARTMENTS), cells.list(CsvColumn.COMMITMENTS),
					cells.parse(CsvColumn.STATUS, ActivityLabels::status, this.messages.expectedStatus()),
					outcomes(cells),
					cells.parse(CsvColumn.NOTIFY_PARTNERS, CsvColumn::yesNo, this.messages.expectedYesNo()));
			rows.add(new Row(record.number(), cells.readWell() ? input : null, cells.summary()));
		}
		return rows;
	}

	String headerOf(CsvColumn column) {
		Integer position = this.positions.get(column);
		return (position != null) ? this.table.headers().get(position) : column.label(this.messages.language());
	}

	private static LocationInput location(Cells cells) {
		String province = cells.text(CsvColumn.PROVINCE);
		String venue = cells.text(CsvColumn.VENUE);
		return (province == null && venue == null) ? null : new LocationInput(province, venue);
	}

	private OutcomesInput outcomes(Cells cells) {
		String count = this.messages.expectedCount();
		Integer investors = cells.parse(CsvColumn.INVESTORS, ImportCells::count, count);
		Integer enterprises = cells.parse(CsvColumn.ENTERPRISES, ImportCells::count, count);
		Integer leads = cells.parse(CsvColumn.LEADS, ImportCells::count, count);
		Integer mous = cells.parse(CsvColumn.MOUS, ImportCells::count, count);
		Integer projects = cells.parse(CsvColumn.PROJECTS, ImportCells::count, count);
		BigDecimal amount = cells.parse(CsvColumn.CAPITAL_AMOUNT, ImportCells::number, this.messages.expectedAmount());
		String currency = cells.text(CsvColumn.CAPITAL_CURRENCY);
		MoneyInput capital = (amount == null && currency == null) ? null : new MoneyInput(amount, currency);
		List<DocumentInput> documents = cells.parse(CsvColumn.DOCUMENTS, ActivityFileReader::documents,
				this.messages.expectedDocuments(Arrays.toString(DocumentKind.values())));
		String topic = cells.text(CsvColumn.TOPIC);
		Integer participants = cells.parse(CsvColumn.PARTICIPANT_COUNT, ImportCells::count, count);
		String minutes = cells.text(CsvColumn.MINUTES_LINK);
		List<String> plan = cells.lines(CsvColumn.PLAN_ITEMS);
		boolean none = Arrays
			.asList(investors, enterprises, leads, mous, projects, capital, documents, topic, participants, minutes)
			.stream()
			.allMatch((value) -> value == null) && plan.isEmpty();
		return none ? null : new OutcomesInput(investors, enterprises, leads, mous, projects, capital, documents, topic,
				participants, minutes, plan.isEmpty() ? null : plan);
	}

	/**
	 * Reads the documents of one cell, one a line, from the right: link, kind, then the
	 * title, which may itself contain '|'.
	 */
	private static List<DocumentInput> documents(String cell) {
		List<DocumentInput> documents = new ArrayList<>();
		for (String line : lines(cell)) {
			int linkAt = line.lastIndexOf('|');
			int kindAt = (linkAt > 0) ? line.lastIndexOf('|', linkAt - 1) : -1;
			if (kindAt < 0) {
				throw new IllegalArgumentException("not 'title | KIND | link': " + line);
			}
			DocumentKind kind = DocumentKind.valueOf(line.substring(kindAt + 1, linkAt).strip());
			documents
				.add(new DocumentInput(line.substring(0, kindAt).strip(), kind, line.substring(linkAt + 1).strip()));
		}
		return documents.isEmpty() ? null : documents;
	}

	private static List<String> lines(String cell) {
		return Arrays.stream(cell.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/**
	 * One row as read.
	 *
	 * @param number the row's number (1 is the first after the header)
	 * @param input what it records, or null when a cell did not read
	 * @param summary what the row says, as far as it read, to show the user
	 */
	record Row(int number, ActivityInput input, Summary summary) {
	}

	/**
	 * What a row says, for a preview: the agreement as written and as found, the type,
	 * the Vietnamese title, the dates, the host as written.
	 */
	record Summary(String agreement, String agreementId, String agreementCode, ActivityType type, String title,
			LocalDateTime startsAt, LocalDateTime endsAt, String host) {
	}

	/** The cells of one row, read by column, noting what does not read. */
	private final class Cells {

		private final ImportTable.Row record;

		private final List<CsvError> errors;

		private final ImportReferences references;

		private boolean readWell = true;

		private KnownAgreement agreement;

		private ActivityType type;

		private LocalDateTime startsAt;

		private LocalDateTime endsAt;

		Cells(ImportTable.Row record, List<CsvError> errors, ImportReferences references) {
			this.record = record;
			this.errors = errors;
			this.references = references;
		}

		String text(CsvColumn column) {
			Integer position = ActivityFileReader.this.positions.get(column);
			if (position == null || position >= this.record.cells().size()) {
				return null;
			}
			String value = this.record.cells().get(position).strip();
			// undo the quote the export put before a formula-led cell
			return value.isEmpty() ? null : SpreadsheetCells.restore(value);
		}

		/** The agreement's id, found by the code or id the cell holds. */
		String agreementId() {
			String cell = text(CsvColumn.AGREEMENT_ID);
			if (cell == null) {
				return null;
			}
			this.agreement = this.references.agreement(cell).orElse(null);
			if (this.agreement == null) {
				fail(CsvColumn.AGREEMENT_ID, ActivityFileReader.this.messages.unknownAgreement(cell));
				return cell;
			}
			return this.agreement.id();
		}

		String organization(CsvColumn column) {
			String cell = text(column);
			return (cell != null) ? this.references.organizationId(cell) : null;
		}

		List<String> organizations(CsvColumn column) {
			return list(column).stream().map(this.references::organizationId).toList();
		}

		List<String> lines(CsvColumn column) {
			String value = text(column);
			return (value == null) ? List.of() : ActivityFileReader.lines(value);
		}

		List<String> list(CsvColumn column) {
			String value = text(column);
			return (value == null) ? List.of()
					: Arrays.stream(value.split(CsvColumn.LIST_SEPARATOR))
						.map(String::strip)
						.filter((id) -> !id.isEmpty())
						.toList();
		}

		LocalDateTime dateTime(CsvColumn column, LocalTime dateOnly) {
			LocalDateTime value = parse(column, (cell) -> ImportCells.dateTime(cell, dateOnly),
					ActivityFileReader.this.messages.expectedDate());
			if (column == CsvColumn.STARTS_AT) {
				this.startsAt = value;
			}
			else {
				this.endsAt = value;
			}
			return value;
		}

		<T> T parse(CsvColumn column, Function<String, T> parser, String expected) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				T parsed = parser.apply(value);
				if (parsed instanceof ActivityType read) {
					this.type = read;
				}
				return parsed;
			}
			catch (IllegalArgumentException ex) {
				fail(column, ActivityFileReader.this.messages.cannotRead(value, expected));
				return null;
			}
		}

		private void fail(CsvColumn column, String message) {
			this.errors.add(new CsvError(this.record.number(), headerOf(column), message));
			this.readWell = false;
		}

		boolean readWell() {
			return this.readWell;
		}

		Summary summary() {
			return new Summary(text(CsvColumn.AGREEMENT_ID), (this.agreement != null) ? this.agreement.id() : null,
					(this.agreement != null) ? this.agreement.code() : null, this.type, text(CsvColumn.TITLE_VI),
					this.startsAt, this.endsAt, text(CsvColumn.HOST));
		}

	}

}
