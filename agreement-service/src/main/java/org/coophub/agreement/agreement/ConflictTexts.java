package org.coophub.agreement.agreement;

import java.util.Locale;

import org.coophub.platform.problem.LocalizedMessage;

import org.springframework.context.MessageSource;

/**
 * The texts of the conflicts this controller answers itself (an illegal transition,
 * parties awaiting acceptance, a period conflict) in the request's language. The
 * platform's problem details do this for the other problems; these have answers of their
 * own, so they look up their keys in the service's {@code messages} bundle here. English,
 * and any key not found, is the exception's own message.
 */
final class ConflictTexts {

	private final MessageSource messages;

	ConflictTexts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param key the title's key in {@code messages}
	 * @param english the title in English
	 * @param locale the request's language
	 * @return the title in that language
	 */
	String title(String key, String english, Locale locale) {
		if (!vietnamese(locale)) {
			return english;
		}
		String title = this.messages.getMessage(key, null, null, locale);
		return (title != null) ? title : english;
	}

	/**
	 * @param conflict the conflict
	 * @param locale the request's language
	 * @return its message in that language
	 */
	String detail(RuntimeException conflict, Locale locale) {
		if (!vietnamese(locale) || !(conflict instanceof LocalizedMessage localized)
				|| localized.messageKey() == null) {
			return conflict.getMessage();
		}
		Object[] arguments = localized.messageArguments();
		String detail = this.messages.getMessage(localized.messageKey(), (arguments.length > 0) ? arguments : null,
				null, locale);
		return (detail != null) ? detail : conflict.getMessage();
	}

	private static boolean vietnamese(Locale locale) {
		return locale != null && "vi".equals(locale.getLanguage());
	}

}
