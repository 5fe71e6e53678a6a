package org.coophub.identity.signin;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Which language the sign-in page speaks, first of:
 * <ol>
 * <li>the {@code lang} parameter (the page's switch link), which the cookie then
 * remembers;</li>
 * <li>the OpenID Connect {@code ui_locales} of the authorization request that sent the
 * user here (the workspace sends the language it shows), as Spring Security saved it in
 * the session before redirecting to the login page;</li>
 * <li>the {@code coophub-lang} cookie, shared with the workspace (same host, path
 * /);</li>
 * <li>{@code Accept-Language};</li>
 * <li>Vietnamese.</li>
 * </ol>
 */
final class LanguageChoice {

	static final String PARAMETER = "lang";

	static final String COOKIE = "coophub-lang";

	static final String UI_LOCALES = "ui_locales";

	static final Duration REMEMBERED = Duration.ofDays(365);

	private static final List<String> TAGS = Arrays.stream(PageLanguage.values()).map((l) -> l.tag).toList();

	/** Where the authorization server's chain saved the request (its default cache). */
	private final RequestCache savedRequests = new HttpSessionRequestCache();

	PageLanguage of(HttpServletRequest request, HttpServletResponse response) {
		return PageLanguage.of(request.getParameter(PARAMETER))
			.or(() -> fromAuthorizationRequest(request, response))
			.or(() -> fromCookie(request))
			.or(() -> fromAcceptLanguage(request))
			.orElse(PageLanguage.VI);
	}

	/**
	 * Remembers a language the user chose with the switch link, for a year. Not HttpOnly:
	 * the workspace's pages read it.
	 */
	void rememberIfChosen(HttpServletRequest request, HttpServletResponse response) {
		PageLanguage.of(request.getParameter(PARAMETER)).ifPresent((language) -> {
			ResponseCookie cookie = ResponseCookie.from(COOKIE, language.tag)
				.path("/")
				.maxAge(REMEMBERED)
				.sameSite("Lax")
				.secure(request.isSecure())
				.build();
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		});
	}

	/** The first of the space-separated {@code ui_locales} that is one of ours. */
	private Optional<PageLanguage> fromAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) == null) {
			return Optional.empty();
		}
		SavedRequest saved = this.savedRequests.getRequest(request, response);
		String[] uiLocales = (saved != null) ? saved.getParameterValues(UI_LOCALES) : null;
		if (uiLocales == null) {
			return Optional.empty();
		}
		return Arrays.stream(uiLocales)
			.flatMap((value) -> Arrays.stream(value.split("\\s+")))
			.map(PageLanguage::of)
			.flatMap(Optional::stream)
			.findFirst();
	}

	private static Optional<PageLanguage> fromCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		return Arrays.stream(cookies)
			.filter((cookie) -> COOKIE.equals(cookie.getName()))
			.map((cookie) -> PageLanguage.of(cookie.getValue()))
			.flatMap(Optional::stream)
			.findFirst();
	}

	private static Optional<PageLanguage> fromAcceptLanguage(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		try {
			return PageLanguage.of(Locale.lookupTag(Locale.LanguageRange.parse(header), TAGS));
		}
		catch (IllegalArgumentException ex) {
			// a malformed header says nothing about the language
			return Optional.empty();
		}
	}

}
