package org.coophub.activity.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file: UTF-8 with or without BOM, cells separated by commas or by semicolons
 * (what Excel writes where the decimal separator is a comma, as in vi-VN), or by tabs.
 */
final class CsvTables {

	private static final char[] DELIMITERS = { ',', ';', '\t' };

	private CsvTables() {
	}

	static ImportTable read(byte[] file, int maxRows, ImportMessages messages) {
		String text = decode(file, messages);
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).get();
		List<String> headers = null;
		List<ImportTable.Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			int number = 0;
			for (CSVRecord record : parser) {
				if (headers == null) {
					headers = record.toList();
					continue;
				}
				ImportTable.Row row = new ImportTable.Row(++number, record.stream().map(String::strip).toList());
				if (row.isBlank()) {
					continue;
				}
				// stop reading at the first row too many: the rest is never parsed
				if (rows.size() == maxRows) {
					throw CsvRejectedException.tooManyRows(messages, maxRows);
				}
				rows.add(row);
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw CsvRejectedException.unreadable(messages, messages.notCsv(ex.getMessage()));
		}
		if (headers == null) {
			throw CsvRejectedException.unreadable(messages, messages.empty());
		}
		return new ImportTable(ImportFormat.csv, headers, rows);
	}

	private static String decode(byte[] file, ImportMessages messages) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw CsvRejectedException.unreadable(messages, messages.notUtf8());
		}
	}

	/**
	 * The separator the header row uses most, outside quotes: headers hold words, so
	 * whichever of comma, semicolon and tab separates them is the file's.
	 */
	static char delimiter(String text) {
		int[] counts = new int[DELIMITERS.length];
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted) {
				for (int d = 0; d < DELIMITERS.length; d++) {
					if (c == DELIMITERS[d]) {
						counts[d]++;
					}
				}
			}
		}
		int best = 0;
		for (int d = 1; d < DELIMITERS.length; d++) {
			if (counts[d] > counts[best]) {
				best = d;
			}
		}
		return DELIMITERS[best];
	}

}
