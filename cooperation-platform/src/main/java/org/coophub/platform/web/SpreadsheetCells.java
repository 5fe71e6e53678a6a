package org.coophub.platform.web;

import java.util.regex.Pattern;

/**
 * Text cells of an exported CSV file that a spreadsheet program would run as a formula
 * ({@code =HYPERLINK(…)}, {@code @SUM(…)}, {@code +1}, {@code -1}, or any of these behind
 * a tab or carriage return) are neutralised by OWASP's rule: a single quote in front,
 * which makes the cell text. A cell that already starts with quotes before such a
 * character gets one more, so {@link #restore} of what {@link #neutralise} wrote is
 * always the original text: an export re-imports unchanged.
 */
public final class SpreadsheetCells {

	/** The characters a spreadsheet reads a formula from (OWASP, CSV injection). */
	private static final Pattern FORMULA_LED = Pattern.compile("^'*[=+\\-@\t\r]");

	private static final Pattern NEUTRALISED = Pattern.compile("^'+[=+\\-@\t\r]");

	private SpreadsheetCells() {
	}

	/**
	 * The cell as written to a file.
	 * @param text a text cell, or null
	 * @return the text, with a single quote in front where a spreadsheet would read a
	 * formula
	 */
	public static String neutralise(String text) {
		return (text != null && FORMULA_LED.matcher(text).find()) ? "'" + text : text;
	}

	/**
	 * The cell as it was before {@link #neutralise}: exactly one leading quote removed,
	 * and only where {@code neutralise} put one.
	 * @param cell a cell as read from a file, or null
	 * @return the original text
	 */
	public static String restore(String cell) {
		return (cell != null && NEUTRALISED.matcher(cell).find()) ? cell.substring(1) : cell;
	}

	/**
	 * Whether {@link #neutralise} changed the cell: such cells are always quoted, as
	 * OWASP advises, whatever else the CSV format needs.
	 * @param text a text cell, or null
	 * @return true for a formula-led cell
	 */
	public static boolean isFormulaLed(String text) {
		return text != null && FORMULA_LED.matcher(text).find();
	}

}
