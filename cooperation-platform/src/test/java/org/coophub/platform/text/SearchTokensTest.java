package org.coophub.platform.text;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTokensTest {

	@Test
	void aDocumentKeepsEachFoldedWordAndItsPrefixesFromTwoCharacters() {
		assertThat(SearchTokens.of("Lâm Đồng")).containsExactlyInAnyOrder("lam", "la", "dong", "do", "don");
		assertThat(SearchTokens.of("KCN 5")).containsExactlyInAnyOrder("kcn", "kc", "5");
	}

	@Test
	void prefixesStopAtFifteenCharactersWhileTheWholeWordIsKept() {
		List<String> tokens = SearchTokens.of("internationalization");
		assertThat(tokens).contains("internationalization", "in", "internationaliz")
			.doesNotContain("i", "internationaliza");
		assertThat(tokens).hasSize(1 + (SearchTokens.MAX_PREFIX - SearchTokens.MIN_PREFIX + 1));
	}

	@Test
	void absentTextsAreLeftOutAndEachTokenIsKeptOnce() {
		assertThat(SearchTokens.of(null, "Lâm", null, "LÂM lam")).containsExactlyInAnyOrder("lam", "la");
		assertThat(SearchTokens.of((String) null)).isEmpty();
	}

	@Test
	void aLongTextContributesAtMostTheFirstDistinctWords() {
		StringBuilder text = new StringBuilder("mở đầu ");
		for (int i = 0; i < SearchTokens.MAX_WORDS + 50; i++) {
			text.append("w").append(i).append(' ');
		}
		List<String> tokens = SearchTokens.of(text.toString());
		assertThat(tokens).contains("mo", "dau", "w0");
		assertThat(tokens).doesNotContain("w" + (SearchTokens.MAX_WORDS - 2), "w" + (SearchTokens.MAX_WORDS + 10));
	}

	@Test
	void aQueryWithOrWithoutDiacriticsGivesTheSameTokensAndEachBeginsAStoredWord() {
		List<String> stored = SearchTokens.of("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng");
		for (String query : List.of("lam dong", "LÂM ĐỒNG", "Lâm Đồng", "lam do", "xuc tien dau")) {
			assertThat(stored).as(query).containsAll(SearchTokens.ofQuery(query));
		}
		assertThat(SearchTokens.ofQuery("LÂM ĐỒNG")).isEqualTo(SearchTokens.ofQuery("lam dong"));
		assertThat(stored.containsAll(SearchTokens.ofQuery("lam ha"))).as("lam ha").isFalse();
	}

	@Test
	void aOneCharacterWordIsLeftOutUnlessItIsAllTheQueryHas() {
		assertThat(SearchTokens.ofQuery("lam d")).containsExactly("lam");
		assertThat(SearchTokens.ofQuery("5")).containsExactly("5");
		assertThat(SearchTokens.ofQuery("  ")).isEmpty();
		assertThat(SearchTokens.ofQuery(null)).isEmpty();
	}

	@Test
	void queryWordsAreCutToTheLongestStoredPrefixAndTheLongestComesFirst() {
		assertThat(SearchTokens.ofQuery("hoi internationalization")).containsExactly("internationaliz", "hoi");
		assertThat(SearchTokens.of("internationalization")).containsAll(SearchTokens.ofQuery("internationalization"));
	}

	@Test
	void aQueryBecomesAnAllConditionBesideTheOthersAndPunctuationAloneMatchesNothing() {
		assertThat(SearchTokens.narrow(new Criteria(), null).getCriteriaObject()).isEmpty();
		assertThat(SearchTokens.narrow(Criteria.where("status").is("ACTIVE"), " ").getCriteriaObject())
			.isEqualTo(new Document("status", "ACTIVE"));
		assertThat(SearchTokens.narrow(Criteria.where("status").is("ACTIVE"), "Lâm Đồng").getCriteriaObject())
			.isEqualTo(new Document("status", "ACTIVE").append("searchTokens",
					new Document("$all", List.of("dong", "lam"))));
		assertThat(SearchTokens.narrow(new Criteria(), ".*").getCriteriaObject())
			.isEqualTo(new Document("searchTokens", new Document("$in", List.of())));
	}

}
