package org.coophub.platform.web;

import java.util.List;
import java.util.Locale;

import org.coophub.platform.problem.LocalizedMessage;
import org.coophub.platform.problem.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts of problem details in the user's language: Vietnamese when the request's
 * {@code Accept-Language} prefers Vietnamese to English, English otherwise (also with no
 * {@code Accept-Language}, as scripts send). The platform's texts are in the
 * {@code coophub-problems} bundle (English in {@code coophub-problems.properties},
 * Vietnamese in {@code coophub-problems_vi.properties}, UTF-8), a name of its own, so a
 * service's {@code messages} bundle stays the service's; keys the platform does not know
 * are looked up in the service's message source (its {@code messages_vi.properties}).
 */
public final class ProblemMessages {

	/** The platform's bundle of problem texts. */
	public static final String BUNDLE = "coophub-problems";

	/** The languages problems are answered in, the first the default. */
	static final List<String> LANGUAGES = List.of("en", "vi");

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final String KIND_PREFIX = "coophub.problem.kind.";

	private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

	public ProblemMessages() {
		this.bundle.setBasename(BUNDLE);
		this.bundle.setDefaultEncoding("UTF-8");
		// English is the base file: a server whose own locale is Vietnamese still answers
		// English to whoever asks for it
		this.bundle.setFallbackToSystemLocale(false);
	}

	/**
	 * Where keys the platform does not know are looked up: the service's message source.
	 * @param parent the application context (or null for none)
	 */
	void lookUpOthersIn(MessageSource parent) {
		if (parent != this.bundle) {
			this.bundle.setParentMessageSource(parent);
		}
	}

	/** The bundle, parent included, as a Spring message source. */
	MessageSource source() {
		return this.bundle;
	}

	/**
	 * The language of the answer to a request.
	 * @param acceptLanguage the request's {@code Accept-Language} header, or null
	 * @return {@link #VIETNAMESE} when it prefers Vietnamese to English, else
	 * {@link #ENGLISH}
	 */
	public static Locale language(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return ENGLISH;
		}
		try {
			String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
			return "vi".equals(best) ? VIETNAMESE : ENGLISH;
		}
		catch (IllegalArgumentException ex) {
			// a malformed header is no reason to refuse the answer
			return ENGLISH;
		}
	}

	/**
	 * One of the platform's texts.
	 * @param key its key in {@code coophub-problems}
	 * @param language {@link #ENGLISH} or {@link #VIETNAMESE}
	 * @param arguments what it names; numbers should be passed as text
	 * @return the text
	 */
	public String text(String key, Locale language, Object... arguments) {
		return this.bundle.getMessage(key, (arguments.length > 0) ? arguments : null, language);
	}

	/**
	 * The message of a domain exception in the language: its English message in English
	 * or when its key is found nowhere, else the text under its key.
	 * @param exception the exception
	 * @param language {@link #ENGLISH} or {@link #VIETNAMESE}
	 * @return the message
	 */
	public String message(RuntimeException exception, Locale language) {
		if (ENGLISH.equals(language) || !(exception instanceof LocalizedMessage localized)
				|| localized.messageKey() == null) {
			return exception.getMessage();
		}
		Object[] arguments = localized.messageArguments();
		if (exception instanceof NotFoundException notFound && arguments.length > 0) {
			arguments[0] = kind(notFound.kind(), language);
		}
		// no default message: Spring would run the English one through a message format
		String text = this.bundle.getMessage(localized.messageKey(), (arguments.length > 0) ? arguments : null, null,
				language);
		return (text != null) ? text : exception.getMessage();
	}

	private String kind(String kind, Locale language) {
		String key = KIND_PREFIX + kind.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
		return this.bundle.getMessage(key, null, kind, language);
	}

}
