package org.coophub.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Text folded for search that ignores case and Vietnamese diacritics: "Lâm Đồng" and "lam
 * dong" both become "lam dong". Unicode decomposition removes the tone and vowel marks; đ
 * is a letter of its own, not a d with a mark, so it is mapped explicitly.
 */
public final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private SearchText() {
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String unmarked = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return SPACES.matcher(unmarked.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	/**
	 * Folds and joins the given texts into one searchable field.
	 * @param texts texts, some possibly null
	 * @return the folded texts separated by spaces
	 */
	public static String of(String... texts) {
		return Stream.of(texts).filter(Objects::nonNull).map(SearchText::fold).collect(Collectors.joining(" "));
	}

	/**
	 * A regular expression matching documents whose folded text contains the folded
	 * query.
	 * @param query what the user typed
	 * @return a literal, regex-safe pattern
	 */
	public static String containsPattern(String query) {
		return Pattern.quote(fold(query));
	}

}
