package org.coophub.activity.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.coophub.activity.activity.ActivityInput.DocumentInput;
import org.coophub.activity.activity.ActivityInput.LocationInput;
import org.coophub.activity.activity.ActivityInput.MoneyInput;
import org.coophub.activity.activity.ActivityInput.OutcomesInput;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.DocumentKind;
import org.coophub.platform.web.SpreadsheetCells;
import org.coophub.platform.web.TextInput;

/**
 * Reads an activity CSV file (UTF-8, with or without BOM, English or Vietnamese headers)
 * into inputs, one per row, collecting every cell that does not read instead of stopping
 * at the first.
 */
final class ActivityCsvReader {

	private final Map<CsvColumn, Integer> positions = new EnumMap<>(CsvColumn.class);

	private final List<String> headers;

	private final List<CsvRecord> records;

	private ActivityCsvReader(List<String> headers, List<CsvRecord> records) {
		this.headers = headers;
		this.records = records;
	}

	/**
	 * Reads a file's header and rows.
	 * @param file the file
	 * @param maxRows the most data rows a file may have ({@code coophub.import.max-rows})
	 * @return the reader
	 * @throws CsvRejectedException when the file cannot be read or has too many rows
	 */
	static ActivityCsvReader of(byte[] file, int maxRows) {
		String text = decode(file);
		List<CSVRecord> all = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
			// stop reading at the first row too many: the rest is never parsed
			for (CSVRecord record : parser) {
				if (all.size() > maxRows) {
					throw CsvRejectedException.tooManyRows(maxRows);
				}
				all.add(record);
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw CsvRejectedException.unreadable("The file is not valid CSV: " + ex.getMessage());
		}
		if (all.isEmpty()) {
			throw CsvRejectedException.unreadable("The file is empty: it needs a header row");
		}
		List<String> headers = all.get(0).toList();
		List<CsvRecord> rows = new ArrayList<>();
		for (int i = 1; i < all.size(); i++) {
			rows.add(new CsvRecord(i, all.get(i).toList()));
		}
		ActivityCsvReader reader = new ActivityCsvReader(headers, rows);
		reader.mapHeaders();
		return reader;
	}

	private static String decode(byte[] file) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw CsvRejectedException.unreadable("The file is not UTF-8 text; save it as CSV UTF-8");
		}
	}

	private void mapHeaders() {
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < this.headers.size(); i++) {
			int position = i;
			CsvColumn.byHeader(this.headers.get(i))
				.ifPresentOrElse((column) -> this.positions.put(column, position),
						() -> unknown.add(this.headers.get(position)));
		}
		if (!unknown.isEmpty()) {
			throw CsvRejectedException.unreadable("Unknown columns: " + String.join(", ", unknown) + "; known: "
					+ String.join(", ", CsvColumn.headers()));
		}
		for (CsvColumn required : List.of(CsvColumn.AGREEMENT_ID, CsvColumn.TYPE, CsvColumn.TITLE_VI,
				CsvColumn.STARTS_AT, CsvColumn.ENDS_AT, CsvColumn.HOST)) {
			if (!this.positions.containsKey(required)) {
				throw CsvRejectedException.unreadable("Missing column " + required.header());
			}
		}
	}

	/**
	 * Reads every row.
	 * @param errors where the cells that do not read are added
	 * @return one input per row that read, in file order, paired with its row number
	 */
	List<Row> rows(List<CsvError> errors) {
		List<Row> rows = new ArrayList<>();
		for (CsvRecord record : this.records) {
			if (record.values().size() != this.headers.size()) {
				errors.add(new CsvError(record.row(), null,
						"has " + record.values().size() + " columns, the header has " + this.headers.size()));
				continue;
			}
			Cells cells = new Cells(record, errors);
			ActivityInput input = new ActivityInput(cells.text(CsvColumn.AGREEMENT_ID),
					cells.parse(CsvColumn.TYPE, ActivityType::valueOf),
					new TextInput(cells.text(CsvColumn.TITLE_VI), cells.text(CsvColumn.TITLE_EN)),
					cells.text(CsvColumn.DESCRIPTION), cells.parse(CsvColumn.STARTS_AT, LocalDateTime::parse),
					cells.parse(CsvColumn.ENDS_AT, LocalDateTime::parse), cells.text(CsvColumn.TIME_ZONE),
					location(cells), cells.text(CsvColumn.HOST), cells.list(CsvColumn.PARTICIPANTS),
					cells.list(CsvColumn.DEPARTMENTS), cells.list(CsvColumn.COMMITMENTS),
					cells.parse(CsvColumn.STATUS, ActivityStatus::valueOf), outcomes(cells),
					cells.parse(CsvColumn.NOTIFY_PARTNERS, CsvColumn::yesNo, CsvColumn.YES_NO));
			if (cells.readWell()) {
				rows.add(new Row(record.row(), input));
			}
		}
		return rows;
	}

	String headerOf(CsvColumn column) {
		Integer position = this.positions.get(column);
		return (position != null) ? this.headers.get(position) : column.header();
	}

	private static LocationInput location(Cells cells) {
		String province = cells.text(CsvColumn.PROVINCE);
		String venue = cells.text(CsvColumn.VENUE);
		return (province == null && venue == null) ? null : new LocationInput(province, venue);
	}

	private static OutcomesInput outcomes(Cells cells) {
		Integer investors = cells.parse(CsvColumn.INVESTORS, Integer::valueOf);
		Integer enterprises = cells.parse(CsvColumn.ENTERPRISES, Integer::valueOf);
		Integer leads = cells.parse(CsvColumn.LEADS, Integer::valueOf);
		Integer mous = cells.parse(CsvColumn.MOUS, Integer::valueOf);
		Integer projects = cells.parse(CsvColumn.PROJECTS, Integer::valueOf);
		BigDecimal amount = cells.parse(CsvColumn.CAPITAL_AMOUNT, BigDecimal::new);
		String currency = cells.text(CsvColumn.CAPITAL_CURRENCY);
		MoneyInput capital = (amount == null && currency == null) ? null : new MoneyInput(amount, currency);
		List<DocumentInput> documents = cells.parse(CsvColumn.DOCUMENTS, ActivityCsvReader::documents,
				"one document per line, as 'title | KIND | link' with KIND one of "
						+ Arrays.toString(DocumentKind.values()));
		String topic = cells.text(CsvColumn.TOPIC);
		Integer participants = cells.parse(CsvColumn.PARTICIPANT_COUNT, Integer::valueOf);
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

	record Row(int number, ActivityInput input) {
	}

	private record CsvRecord(int row, List<String> values) {
	}

	/** The cells of one row, read by column, noting what does not read. */
	private final class Cells {

		private final CsvRecord record;

		private final List<CsvError> errors;

		private boolean readWell = true;

		Cells(CsvRecord record, List<CsvError> errors) {
			this.record = record;
			this.errors = errors;
		}

		String text(CsvColumn column) {
			Integer position = ActivityCsvReader.this.positions.get(column);
			if (position == null) {
				return null;
			}
			String value = this.record.values().get(position).strip();
			// undo the quote the export put before a formula-led cell
			return value.isEmpty() ? null : SpreadsheetCells.restore(value);
		}

		List<String> lines(CsvColumn column) {
			String value = text(column);
			return (value == null) ? List.of() : ActivityCsvReader.lines(value);
		}

		List<String> list(CsvColumn column) {
			String value = text(column);
			return (value == null) ? List.of()
					: Arrays.stream(value.split(CsvColumn.LIST_SEPARATOR))
						.map(String::strip)
						.filter((id) -> !id.isEmpty())
						.toList();
		}

		<T> T parse(CsvColumn column, Function<String, T> parser) {
			return parse(column, parser, null);
		}

		<T> T parse(CsvColumn column, Function<String, T> parser, String expected) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				return parser.apply(value);
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				this.errors.add(new CsvError(this.record.row(), headerOf(column),
						"cannot read '" + value + "'" + ((expected != null) ? "; expected " + expected : "")));
				this.readWell = false;
				return null;
			}
		}

		boolean readWell() {
			return this.readWell;
		}

	}

}
