package org.coophub.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

	@Test
	void vietnameseDiacriticsAndCaseAreIgnored() {
		assertThat(SearchText.fold("Lâm Đồng")).isEqualTo("lam dong");
		assertThat(SearchText.fold("LÂM ĐỒNG")).isEqualTo("lam dong");
		assertThat(SearchText.fold("Hội nghị Xúc tiến Đầu tư")).isEqualTo("hoi nghi xuc tien dau tu");
		assertThat(SearchText.fold("đường ĐẮK LẮK")).isEqualTo("duong dak lak");
	}

	@Test
	void spacesAreCollapsedAndTrimmed() {
		assertThat(SearchText.fold("  TP.HCM\tđô thị ")).isEqualTo("tp.hcm do thi");
		assertThat(SearchText.fold("  Ban Quản lý các  Khu chế xuất\tTP.HCM "))
			.isEqualTo("ban quan ly cac khu che xuat tp.hcm");
	}

	@Test
	void absentTextFoldsLikeEmptyText() {
		assertThat(SearchText.fold(null)).isEmpty();
		assertThat(SearchText.fold("   ")).isEmpty();
		assertThat(SearchText.words(null)).isEmpty();
		assertThat(SearchText.of("CTHT-LD", null, " ", "Chương trình")).isEqualTo("ctht-ld chuong trinh");
	}

	@Test
	void foldingLeavesTheOriginalUntouched() {
		String original = "Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng";
		SearchText.fold(original);
		assertThat(original).isEqualTo("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng");
	}

	@Test
	void wordsAreSplitAtAnythingThatIsNeitherALetterNorADigit() {
		assertThat(SearchText.words(" Lâm  ĐỒNG ")).containsExactly("lam", "dong");
		assertThat(SearchText.words("CTHT-LĐ/2009, \"TP.HCM\"")).containsExactly("ctht", "ld", "2009", "tp", "hcm");
		assertThat(SearchText.words("ISO 9001:2008; một cửa")).containsExactly("iso", "9001", "2008", "mot", "cua");
		assertThat(SearchText.words("{\"$ne\": null}")).containsExactly("ne", "null");
		assertThat(SearchText.words(".*")).isEmpty();
	}

}
