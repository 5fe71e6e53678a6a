package org.coophub.activity.activity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an Excel workbook (.xlsx) with fastexcel-reader, streaming its
 * rows. A cell formatted as a date becomes its ISO text (a date alone when the format
 * shows no time), a number its plain digits, so every cell reads as a CSV cell would.
 */
final class XlsxTables {

	/**
	 * The most a workbook may hold unzipped: an upload is at most a few MB, and a small
	 * zip that unpacks to gigabytes (a "zip bomb") must not reach the reader.
	 */
	static final long MAX_UNZIPPED = 200L * 1024 * 1024;

	/** Excel's built-in number formats that are dates or times. */
	private static final Set<Integer> DATE_FORMATS = Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47);

	/** Those of them that show a date without a time. */
	private static final Set<Integer> DATE_ONLY_FORMATS = Set.of(14, 15, 16, 17);

	private XlsxTables() {
	}

	static ImportTable read(byte[] file, int maxRows, ImportMessages messages) {
		requireReasonableSize(file, messages);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file),
				new ReadingOptions(true, false)); Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
			List<String> headers = null;
			int headerRow = 0;
			List<ImportTable.Row> rows = new ArrayList<>();
			Iterator<Row> iterator = sheet.iterator();
			while (iterator.hasNext()) {
				Row row = iterator.next();
				List<String> cells = cells(row);
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (headers == null) {
					headers = cells;
					headerRow = row.getRowNum();
					continue;
				}
				if (rows.size() == maxRows) {
					throw CsvRejectedException.tooManyRows(messages, maxRows);
				}
				// a sheet leaves out trailing empty cells; the row still has every column
				List<String> padded = new ArrayList<>(cells);
				while (padded.size() < headers.size()) {
					padded.add("");
				}
				rows.add(new ImportTable.Row(row.getRowNum() - headerRow, padded));
			}
			if (headers == null) {
				throw CsvRejectedException.unreadable(messages, messages.empty());
			}
			return new ImportTable(ImportFormat.xlsx, headers, rows);
		}
		catch (CsvRejectedException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// a broken zip or sheet surfaces as whichever exception its layer throws
			throw CsvRejectedException.unreadable(messages, messages.notXlsx(String.valueOf(ex.getMessage())));
		}
	}

	/** The row's cells up to its last one holding anything, as text. */
	private static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < row.getCellCount(); i++) {
			cells.add(row.getOptionalCell(i).map(XlsxTables::text).orElse("").strip());
		}
		while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
			cells.remove(cells.size() - 1);
		}
		return cells;
	}

	private static String text(Cell cell) {
		return switch (cell.getType()) {
			case NUMBER -> isDate(cell) ? date(cell) : number(cell.asNumber());
			case STRING -> cell.asString();
			case BOOLEAN -> String.valueOf(cell.asBoolean());
			case EMPTY -> "";
			// a formula's last computed value, an error's code (#N/A), which then does
			// not read
			default -> (cell.getRawValue() != null) ? cell.getRawValue() : "";
		};
	}

	private static boolean isDate(Cell cell) {
		if (cell.getDataFormatId() != null && DATE_FORMATS.contains(cell.getDataFormatId())) {
			return true;
		}
		String format = cell.getDataFormatString();
		return format != null && !datePart(format).isEmpty();
	}

	/**
	 * The letters of a number format that stand for a date or time, leaving out quoted
	 * text, escaped characters and bracketed parts (colours, locales, elapsed times).
	 */
	private static String datePart(String format) {
		String bare = format.replaceAll("\"[^\"]*\"", "")
			.replaceAll("\\\\.", "")
			.replaceAll("\\[[^]]*]", "")
			.toLowerCase(Locale.ROOT);
		return bare.replaceAll("[^dmyhs]", "");
	}

	private static String date(Cell cell) {
		LocalDateTime value = cell.asDate();
		if (value == null) {
			return "";
		}
		String format = cell.getDataFormatString();
		boolean withTime = (format != null) ? datePart(format).matches(".*[hs].*")
				: !DATE_ONLY_FORMATS.contains(cell.getDataFormatId());
		return withTime ? value.toString() : value.toLocalDate().toString();
	}

	/**
	 * Plain digits; a fraction of exactly three digits gets a fourth zero, so that
	 * {@link ImportCells#number} cannot take {@code 1.234} for digit grouping.
	 */
	private static String number(BigDecimal value) {
		String plain = value.stripTrailingZeros().toPlainString();
		int dot = plain.indexOf('.');
		return (dot >= 0 && plain.length() - dot - 1 == 3) ? plain + "0" : plain;
	}

	/**
	 * Refuses a workbook that unpacks to more than {@link #MAX_UNZIPPED}, counting what
	 * each entry really inflates to (a zip's declared sizes may lie).
	 */
	private static void requireReasonableSize(byte[] file, ImportMessages messages) {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
			for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
				try (InputStream in = zip.getInputStream(entry)) {
					total += drain(in, buffer, MAX_UNZIPPED - total);
				}
				if (total > MAX_UNZIPPED) {
					throw CsvRejectedException.unreadable(messages,
							messages.notXlsx("unpacks to more than " + MAX_UNZIPPED / (1024 * 1024) + " MB"));
				}
			}
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException ex) {
			throw CsvRejectedException.unreadable(messages, messages.notXlsx(String.valueOf(ex.getMessage())));
		}
	}

	private static long drain(InputStream in, byte[] buffer, long allowed) throws IOException {
		long read = 0;
		for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
			read += n;
			if (read > allowed) {
				return read;
			}
		}
		return read;
	}

}
