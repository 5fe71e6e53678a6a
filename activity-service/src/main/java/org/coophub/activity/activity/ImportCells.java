package org.coophub.activity.activity;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cells people type into a spreadsheet: dates as {@code dd/MM/yyyy} (with an
 * optional {@code HH:mm}) or ISO, numbers with Vietnamese or English digit grouping
 * ({@code 120.000.000.000}, {@code 120,000,000,000}). Each reader throws
 * {@link IllegalArgumentException} for a cell it cannot read.
 */
final class ImportCells {

	/** Day, month, year, then optionally hours, minutes and seconds. */
	private static final Pattern DAY_FIRST = Pattern
		.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:[ T]+(\\d{1,2})[:hH](\\d{2})(?::(\\d{2}))?)?");

	/** A run of digits grouped by threes with one separator. */
	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,])\\d{3}(\\1\\d{3})*");

	/** The last time of a day a date-only end stands for. */
	static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

	private ImportCells() {
	}

	/**
	 * Reads a date and time.
	 * @param cell {@code 18/05/2012}, {@code 18/05/2012 08:00},
	 * {@code 2012-05-18T08:00:00}, {@code 2012-05-18 08:00} or {@code 2012-05-18}
	 * @param dateOnly the time of day a cell without one stands for (midnight for a
	 * start, {@link #END_OF_DAY} for an end)
	 * @return the date and time
	 */
	static LocalDateTime dateTime(String cell, LocalTime dateOnly) {
		String value = cell.strip();
		Matcher dayFirst = DAY_FIRST.matcher(value);
		try {
			if (dayFirst.matches()) {
				LocalDate date = LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
						Integer.parseInt(dayFirst.group(1)));
				if (dayFirst.group(4) == null) {
					return date.atTime(dateOnly);
				}
				int seconds = (dayFirst.group(6) != null) ? Integer.parseInt(dayFirst.group(6)) : 0;
				return date.atTime(Integer.parseInt(dayFirst.group(4)), Integer.parseInt(dayFirst.group(5)), seconds);
			}
			if (value.length() == 10) {
				return LocalDate.parse(value).atTime(dateOnly);
			}
			return LocalDateTime.parse(value.replace(' ', 'T'));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("not a date: " + cell, ex);
		}
		catch (DateTimeException ex) {
			// 31/02/2012: the parts read, the date does not exist
			throw new IllegalArgumentException("no such date: " + cell, ex);
		}
	}

	/**
	 * Reads an amount of money or a count. A separator followed by groups of exactly
	 * three digits groups thousands; otherwise it is the decimal separator. Where both a
	 * dot and a comma appear, the last one is the decimal separator. So
	 * {@code 120.000.000.000} and {@code 120,000,000,000} are 120 billion,
	 * {@code 1.234,5} and {@code 1,234.5} are 1234.5, {@code 350000000000.50} (what
	 * export writes) is itself; {@code 1.500} is 1500, never 1.5 (amounts have at most
	 * two decimals).
	 * @param cell the cell's text
	 * @return the number
	 */
	static BigDecimal number(String cell) {
		String value = cell.replaceAll("[\\s\\u00A0\\u202F₫]", "");
		String sign = "";
		if (value.startsWith("-") || value.startsWith("+")) {
			sign = value.substring(0, 1);
			value = value.substring(1);
		}
		int dot = value.lastIndexOf('.');
		int comma = value.lastIndexOf(',');
		String plain;
		if (dot >= 0 && comma >= 0) {
			char decimal = (dot > comma) ? '.' : ',';
			char grouping = (dot > comma) ? ',' : '.';
			int at = value.lastIndexOf(decimal);
			String whole = value.substring(0, at);
			if (whole.indexOf(decimal) >= 0 || !GROUPED.matcher(whole).matches()) {
				throw new IllegalArgumentException("not a number: " + cell);
			}
			plain = whole.replace(String.valueOf(grouping), "") + "." + value.substring(at + 1);
		}
		else if (GROUPED.matcher(value).matches()) {
			plain = value.replace(".", "").replace(",", "");
		}
		else {
			plain = value.replace(',', '.');
		}
		if (!plain.matches("\\d+(\\.\\d+)?")) {
			throw new IllegalArgumentException("not a number: " + cell);
		}
		return new BigDecimal(sign + plain);
	}

	/**
	 * Reads a whole number, grouped or not ({@code 1.200}).
	 * @param cell the cell's text
	 * @return the number
	 */
	static Integer count(String cell) {
		try {
			return number(cell).intValueExact();
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("not a whole number: " + cell, ex);
		}
	}

}
