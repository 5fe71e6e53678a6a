package org.coophub.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The request's locale ({@code LocaleContextHolder}) as the problem details choose their
 * language ({@link ProblemMessages#language}): Vietnamese or English, English without an
 * {@code Accept-Language}. Bean Validation interpolates its messages in this locale, so a
 * field's message and the problem's title agree, and a server running in another locale
 * (or asked for French) answers English rather than Hibernate Validator's French.
 */
public class AcceptLanguageResolver implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return ProblemMessages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The language follows the Accept-Language header");
	}

}
