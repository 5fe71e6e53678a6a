package org.coophub.platform.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Text folded for search and comparison that ignores case and Vietnamese diacritics: "Lâm
 * Đồng", "LÂM ĐỒNG" and "lam dong" all become "lam dong". Unicode decomposition removes
 * the tone and vowel marks; đ is a letter of its own, not a d with a mark, so it is
 * mapped explicitly. One rule for absent text everywhere: {@code null} folds like the
 * empty text, to "".
 */
public final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** What separates words: anything that is neither a letter nor a digit. */
	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private SearchText() {
	}

	/**
	 * @param text any text, or null
	 * @return the text without diacritics, in lower case, with single spaces and no
	 * leading or trailing space; "" for null
	 */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
		return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT))
			.replaceAll(" ")
			.strip();
	}

	/**
	 * Folds and joins the given texts, leaving out the absent ones.
	 * @param texts texts, some possibly null
	 * @return the folded texts separated by single spaces
	 */
	public static String of(String... texts) {
		return Stream.of(texts)
			.filter(Objects::nonNull)
			.map(SearchText::fold)
			.filter((folded) -> !folded.isEmpty())
			.collect(Collectors.joining(" "));
	}

	/**
	 * The folded words of a text: what is left between anything that is neither a letter
	 * nor a digit, so {@code "CTHT-LĐ/2009"} has the words {@code ctht}, {@code ld} and
	 * {@code 2009}.
	 * @param text any text, or null
	 * @return its words in order, possibly repeated; none for null or blank text
	 */
	public static List<String> words(String text) {
		return Arrays.stream(NOT_WORD.split(fold(text))).filter((word) -> !word.isEmpty()).toList();
	}

}
