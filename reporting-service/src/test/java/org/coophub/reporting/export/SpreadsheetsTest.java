package org.coophub.reporting.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's CSV export writes formula-led text as text (docs/security.md).
 */
class SpreadsheetsTest {

	@Test
	void formulaLedTextCellsGetAQuoteAndDoubleQuotes() {
		List<Object> row = Arrays.asList("=HYPERLINK(\"http://x.example\",\"Bấm\")", "@SUM(A1)", "+1", "-1", "\tTab",
				"\rCR", "Hội nghị xúc tiến đầu tư Lâm Đồng", LocalDate.of(2026, 5, 20), 120,
				new BigDecimal("350000000000"), null);

		String csv = new String(
				Spreadsheets.csv(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"), List.of(row)),
				StandardCharsets.UTF_8);

		assertThat(csv.substring(csv.indexOf("\r\n") + 2))
			.isEqualTo("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Bấm\"\")\",\"'@SUM(A1)\",\"'+1\",\"'-1\",\"'\tTab\","
					+ "\"'\rCR\",Hội nghị xúc tiến đầu tư Lâm Đồng,2026-05-20,120,350000000000,\r\n");
	}

	@Test
	void numbersAreNeverTakenForFormulas() {
		String csv = new String(Spreadsheets.csv(List.of("n"), List.of(List.of(new BigDecimal("-5")))),
				StandardCharsets.UTF_8);
		assertThat(csv).endsWith("\r\n-5\r\n");
	}

}
