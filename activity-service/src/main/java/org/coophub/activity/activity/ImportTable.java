package org.coophub.activity.activity;

import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * The header and rows of an imported file, as text, whichever kind of file it was: CSV
 * ({@link CsvTables}) or an Excel workbook ({@link XlsxTables}), told apart by their
 * first bytes rather than by a name or content type a browser may get wrong.
 *
 * @param format what the file was
 * @param headers the header row's cells
 * @param rows the data rows that hold anything, in file order
 */
record ImportTable(ImportFormat format, List<String> headers, List<Row> rows) {

	/**
	 * Reads a file.
	 * @param file the file's bytes
	 * @param maxRows the most data rows a file may have
	 * @param messages what to say when it cannot be read
	 * @return the table
	 * @throws CsvRejectedException when the file cannot be read or has too many rows
	 */
	static ImportTable read(byte[] file, int maxRows, ImportMessages messages) {
		// the signatures' length, padded: a file shorter than that is no workbook
		byte[] head = Arrays.copyOf(file, 8);
		if (ReadableWorkbook.isOOXMLZipHeader(head)) {
			return XlsxTables.read(file, maxRows, messages);
		}
		if (ReadableWorkbook.isOLE2Header(head)) {
			throw CsvRejectedException.unreadable(messages, messages.oldExcel());
		}
		return CsvTables.read(file, maxRows, messages);
	}

	/**
	 * One data row.
	 *
	 * @param number its number: 1 is the row right after the header, and rows left empty
	 * count, so the number points at the row a spreadsheet shows one below the header
	 * @param cells its cells, stripped; empty for an empty cell
	 */
	record Row(int number, List<String> cells) {

		boolean isBlank() {
			return this.cells.stream().allMatch(String::isBlank);
		}

	}

}
