package org.coophub.workspace.signin;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The authorization request to identity-service, with PKCE (on top of the client secret)
 * and the user's language as OpenID Connect's {@code ui_locales}, so its sign-in page
 * opens in the language the user chose in the workspace (cookie {@code coophub-lang}).
 */
class LanguageOnSignIn implements OAuth2AuthorizationRequestResolver {

	static final String LANGUAGE_COOKIE = "coophub-lang";

	static final String UI_LOCALES = "ui_locales";

	/** The languages the pages exist in; any other cookie value is not passed on. */
	private static final Set<String> LANGUAGES = Set.of("vi", "en");

	private final ClientRegistrationRepository registrations;

	LanguageOnSignIn(ClientRegistrationRepository registrations) {
		this.registrations = registrations;
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return resolverFor(request).resolve(request);
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		return resolverFor(request).resolve(request, clientRegistrationId);
	}

	/**
	 * One resolver per sign-in, its customizer holding this request's language: cheap, a
	 * sign-in is rare, and nothing is shared between requests.
	 */
	private OAuth2AuthorizationRequestResolver resolverFor(HttpServletRequest request) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				this.registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		Optional<String> language = language(request);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
			.andThen((authorization) -> language.ifPresent((chosen) -> authorization
				.additionalParameters((parameters) -> parameters.put(UI_LOCALES, chosen)))));
		return resolver;
	}

	static Optional<String> language(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie cookie : request.getCookies()) {
			if (LANGUAGE_COOKIE.equals(cookie.getName()) && LANGUAGES.contains(cookie.getValue())) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

}
