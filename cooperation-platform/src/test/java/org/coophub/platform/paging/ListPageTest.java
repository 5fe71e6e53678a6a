package org.coophub.platform.paging;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ListPageTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anExactTotalHasNoCappedFlagInItsJson() {
		ListPage<String> page = ListPage.counted(List.of("a", "b"), PageRequest.of(1, 2), 5, false);

		assertThat(this.json.writeValueAsString(page))
			.isEqualTo("{\"content\":[\"a\",\"b\"],\"page\":{\"size\":2,\"number\":1,\"totalElements\":5,"
					+ "\"totalPages\":3}}");
	}

	@Test
	void aCappedTotalIsTheBoundAndSaysSo() {
		ListPage<String> page = ListPage.counted(List.of("a", "b"), PageRequest.of(0, 2), 1000, true);

		assertThat(page.page()).isEqualTo(new ListPage.Metadata(2, 0, 1000, 500, true));
		assertThat(this.json.writeValueAsString(page)).endsWith("\"totalPages\":500,\"totalCapped\":true}}");
	}

	@Test
	void aPagePastTheBoundCountsAtLeastToItsEnd() {
		ListPage<String> past = ListPage.counted(List.of("a", "b"), PageRequest.of(600, 2), 1000, true);
		ListPage<String> empty = ListPage.counted(Collections.emptyList(), PageRequest.of(600, 2), 1000, true);

		assertThat(past.page()).isEqualTo(new ListPage.Metadata(2, 600, 1202, 601, true));
		assertThat(empty.page()).isEqualTo(new ListPage.Metadata(2, 600, 1000, 500, true));
	}

	@Test
	void aSpringDataPageKeepsItsExactTotal() {
		ListPage<String> page = ListPage.of(new PageImpl<>(List.of("a"), PageRequest.of(2, 2), 5));

		assertThat(page.page()).isEqualTo(new ListPage.Metadata(2, 2, 5, 3, null));
	}

	@Test
	void mapsTheItemsKeepingThePage() {
		ListPage<String> page = ListPage.counted(List.of("lâm", "đồng"), PageRequest.of(0, 20), 2, false);

		assertThat(page.map(String::length)).isEqualTo(new ListPage<>(List.of(3, 4), page.page()));
	}

}
