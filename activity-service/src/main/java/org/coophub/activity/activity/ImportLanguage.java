package org.coophub.activity.activity;

import java.util.Locale;

/**
 * The language an import answers in, from the request's {@code Accept-Language}:
 * Vietnamese when the client prefers it to English, English otherwise (the API's language
 * when a client names none).
 */
enum ImportLanguage {

	// spelt as the API's lang parameter takes them (?lang=vi)
	vi, en;

	/**
	 * The language to answer in.
	 * @param acceptLanguage the request's {@code Accept-Language}, possibly null
	 * @return Vietnamese or English
	 */
	static ImportLanguage of(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return en;
		}
		try {
			// parse() orders the ranges by weight, the preferred first
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
				String tag = range.getRange().toLowerCase(Locale.ROOT);
				if (range.getWeight() > 0 && (tag.equals("vi") || tag.startsWith("vi-"))) {
					return vi;
				}
				if (range.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-"))) {
					return en;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// an unreadable header gets the default, like a missing one
		}
		return en;
	}

	/**
	 * @param vietnamese the text in Vietnamese
	 * @param english the same in English
	 * @return the one in this language
	 */
	String pick(String vietnamese, String english) {
		return (this == vi) ? vietnamese : english;
	}

}
