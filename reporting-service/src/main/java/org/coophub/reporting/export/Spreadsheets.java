package org.coophub.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.coophub.platform.web.SpreadsheetCells;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs
 * read Vietnamese correctly) or XLSX (numbers as numbers, dates as dates). A CSV text
 * cell a spreadsheet would run as a formula ({@code =…}, {@code +…}, {@code -…},
 * {@code @…}, a leading tab or CR) is written as text: a single quote in front, in double
 * quotes (OWASP's rule, {@link SpreadsheetCells}). XLSX cells are typed: text is never a
 * formula there.
 */
final class Spreadsheets {

	private static final String BOM = "\uFEFF";

	private Spreadsheets() {
	}

	static byte[] csv(List<String> headers, List<List<Object>> rows) {
		StringBuilder out = new StringBuilder(BOM);
		line(out, List.copyOf(headers));
		rows.forEach((row) -> line(out, row));
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void line(StringBuilder out, List<?> values) {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			Object value = values.get(i);
			String text = (value == null) ? ""
					: (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
			// numbers are written by us, not typed by someone: only text can be a formula
			boolean formula = !(value instanceof Number) && SpreadsheetCells.isFormulaLed(text);
			if (formula) {
				text = SpreadsheetCells.neutralise(text);
			}
			if (formula || text.matches("(?s).*[\",\r\n].*") || text.startsWith(" ") || text.endsWith(" ")) {
				out.append('"').append(text.replace("\"", "\"\"")).append('"');
			}
			else {
				out.append(text);
			}
		}
		out.append("\r\n");
	}

	static byte[] xlsx(String sheet, List<String> headers, List<List<Object>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "Cooperation Hub", "1.0")) {
			Worksheet worksheet = workbook.newWorksheet(sheet);
			for (int c = 0; c < headers.size(); c++) {
				worksheet.value(0, c, headers.get(c));
				worksheet.style(0, c).bold().set();
			}
			for (int r = 0; r < rows.size(); r++) {
				List<Object> row = rows.get(r);
				for (int c = 0; c < row.size(); c++) {
					cell(worksheet, r + 1, c, row.get(c));
				}
			}
			worksheet.freezePane(0, 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void cell(Worksheet worksheet, int row, int column, Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Number number) {
			worksheet.value(row, column, number);
		}
		else if (value instanceof LocalDate date) {
			worksheet.value(row, column, date);
			worksheet.style(row, column).format("yyyy-mm-dd").set();
		}
		else {
			worksheet.value(row, column, value.toString());
		}
	}

}
