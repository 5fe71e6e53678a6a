package org.coophub.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTest {

	@Test
	void formulaLedCellsGetAQuoteInFront() {
		assertThat(SpreadsheetCells.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SpreadsheetCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetCells.neutralise("+1")).isEqualTo("'+1");
		assertThat(SpreadsheetCells.neutralise("-1")).isEqualTo("'-1");
		assertThat(SpreadsheetCells.neutralise("\t=1")).isEqualTo("'\t=1");
		assertThat(SpreadsheetCells.neutralise("\r=1")).isEqualTo("'\r=1");
	}

	@Test
	void otherCellsStayAsTheyAre() {
		assertThat(SpreadsheetCells.neutralise("Hội nghị xúc tiến đầu tư")).isEqualTo("Hội nghị xúc tiến đầu tư");
		assertThat(SpreadsheetCells.neutralise("'quoted'")).isEqualTo("'quoted'");
		assertThat(SpreadsheetCells.neutralise("a=b")).isEqualTo("a=b");
		assertThat(SpreadsheetCells.neutralise("")).isEmpty();
		assertThat(SpreadsheetCells.neutralise(null)).isNull();
		assertThat(SpreadsheetCells.restore("'quoted'")).isEqualTo("'quoted'");
	}

	@Test
	void restoreUndoesExactlyWhatNeutraliseDid() {
		for (String text : List.of("=HYPERLINK(\"x\")", "@SUM(A1)", "+1", "-1", "\tTab", "\rCR", "'=already quoted",
				"''@twice", "'plain", "Lâm Đồng – TP.HCM", "=", "'")) {
			assertThat(SpreadsheetCells.restore(SpreadsheetCells.neutralise(text))).as(text).isEqualTo(text);
		}
		assertThat(SpreadsheetCells.neutralise("'=already quoted")).isEqualTo("''=already quoted");
	}

}
