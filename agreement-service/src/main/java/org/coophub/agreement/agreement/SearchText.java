package org.coophub.agreement.agreement;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text folded for searching: without diacritics, lower case, single spaces, so that
 * {@code lam dong} finds {@code Lâm Đồng}.
 */
final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private SearchText() {
	}

	static String fold(String text) {
		// đ and Đ are letters of their own, not d with a mark: NFD leaves them alone.
		String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
		return SPACES.matcher(MARKS.matcher(decomposed).replaceAll(""))
			.replaceAll(" ")
			.strip()
			.toLowerCase(Locale.ROOT);
	}

	static String of(List<String> texts) {
		return fold(String.join(" ", texts));
	}

	/** The words of a query, folded, each of which a match must contain. */
	static List<String> words(String query) {
		String folded = fold(query);
		return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
	}

}
