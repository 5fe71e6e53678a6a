package org.coophub.agreement.agreement;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

	@Test
	void vietnameseIsFoldedToPlainLowerCaseLettersIncludingDStroke() {
		assertThat(SearchText.fold("Lâm Đồng")).isEqualTo("lam dong");
		assertThat(SearchText.fold("  Ban Quản lý các  Khu chế xuất\tTP.HCM "))
			.isEqualTo("ban quan ly cac khu che xuat tp.hcm");
		assertThat(SearchText.fold("đường ĐẮK LẮK")).isEqualTo("duong dak lak");
	}

	@Test
	void aQueryIsSplitIntoFoldedWords() {
		assertThat(SearchText.words(" Lâm  ĐỒNG ")).containsExactly("lam", "dong");
		assertThat(SearchText.words("   ")).isEmpty();
		assertThat(SearchText.of(List.of("CTHT-LD", "Chương trình"))).isEqualTo("ctht-ld chuong trinh");
	}

}
