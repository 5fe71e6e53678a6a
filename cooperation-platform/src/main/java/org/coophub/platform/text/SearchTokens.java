package org.coophub.platform.text;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The search index kept inside each searchable document: a list field {@value #FIELD}
 * with a multikey index, so a free-text query is an index lookup, never a regular
 * expression over every document.
 *
 * <p>
 * Stored: every word of the document's texts ({@link SearchText#words folded}), whole,
 * and each of its prefixes from {@value #MIN_PREFIX} up to {@value #MAX_PREFIX}
 * characters; at most {@value #MAX_WORDS} distinct words, taken in the order the texts
 * are given (the most telling first). A query matches a document when each of its words
 * begins a word of the document, so {@code lam d} finds "Lâm Đồng" while the user types.
 * Query words are cut to {@value #MAX_PREFIX} characters, the longest prefix stored. A
 * one-character word is too short to narrow by prefix and is left out, unless the query
 * has nothing else: then it must be a whole word ({@code 5} finds "Khu 5").
 */
public final class SearchTokens {

	/** The document field that holds the tokens. */
	public static final String FIELD = "searchTokens";

	/** The shortest prefix stored. */
	public static final int MIN_PREFIX = 2;

	/** The longest prefix stored: longer query words are cut to it. */
	public static final int MAX_PREFIX = 15;

	/** Bounds the tokens of a long description, and so the index entries of a write. */
	public static final int MAX_WORDS = 300;

	private SearchTokens() {
	}

	/**
	 * @param texts what a document is found by, the most telling first; nulls are left
	 * out
	 * @return its tokens, each once
	 */
	public static List<String> of(String... texts) {
		return of(Arrays.asList(texts));
	}

	/**
	 * @param texts what a document is found by, the most telling first; nulls are left
	 * out
	 * @return its tokens, each once
	 */
	public static List<String> of(Collection<String> texts) {
		Set<String> words = new LinkedHashSet<>();
		texts.stream()
			.filter(Objects::nonNull)
			.flatMap((text) -> SearchText.words(text).stream())
			.takeWhile((word) -> words.size() < MAX_WORDS || words.contains(word))
			.forEach(words::add);
		Set<String> tokens = new LinkedHashSet<>();
		for (String word : words) {
			tokens.add(word);
			for (int length = MIN_PREFIX; length < word.length() && length <= MAX_PREFIX; length++) {
				tokens.add(word.substring(0, length));
			}
		}
		return List.copyOf(tokens);
	}

	/**
	 * The tokens every one of which a document must hold to match a query, the longest
	 * (the most selective, which MongoDB uses for the index bounds of {@code $all})
	 * first.
	 * @param query what the user typed, possibly null
	 * @return the tokens; none when the query has no letter or digit
	 */
	public static List<String> ofQuery(String query) {
		List<String> words = SearchText.words(query);
		List<String> longEnough = words.stream().filter((word) -> word.length() >= MIN_PREFIX).toList();
		return ((longEnough.isEmpty()) ? words : longEnough).stream()
			.map((word) -> (word.length() > MAX_PREFIX) ? word.substring(0, MAX_PREFIX) : word)
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	/**
	 * Narrows a query to the documents, keeping their tokens in {@value #FIELD}, that
	 * match a free-text query.
	 * @param criteria the other conditions, possibly none ({@code new Criteria()})
	 * @param query what the user typed, possibly null or blank: then nothing is added
	 * @return the criteria with every token of the query required, or with a condition
	 * that matches nothing when the query has no letter or digit (it is a value, never an
	 * operator, and punctuation alone finds nothing)
	 */
	public static Criteria narrow(Criteria criteria, String query) {
		if (query == null || query.isBlank()) {
			return criteria;
		}
		List<String> tokens = ofQuery(query);
		return tokens.isEmpty() ? criteria.and(FIELD).in(List.of()) : criteria.and(FIELD).all(tokens);
	}

}
