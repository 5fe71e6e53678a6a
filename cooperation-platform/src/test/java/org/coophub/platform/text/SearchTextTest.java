package org.coophub.platform.text;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

	@Test
	void vietnameseDiacriticsAndCaseAreIgnored() {
		assertThat(SearchText.fold("Lâm Đồng")).isEqualTo("lam dong");
		assertThat(SearchText.fold("Hội nghị Xúc tiến Đầu tư")).isEqualTo("hoi nghi xuc tien dau tu");
		assertThat(SearchText.fold("  TP.HCM\tđô thị ")).isEqualTo("tp.hcm do thi");
	}

	@Test
	void aQueryIsMatchedLiterallyAfterFolding() {
		String stored = SearchText.of("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng", null, "TP. Hồ Chí Minh");
		assertThat(Pattern.compile(SearchText.containsPattern("lam dong")).matcher(stored).find()).isTrue();
		assertThat(Pattern.compile(SearchText.containsPattern("LÂM ĐỒNG")).matcher(stored).find()).isTrue();
		assertThat(Pattern.compile(SearchText.containsPattern("$where.*")).matcher(stored).find()).isFalse();
	}

}
