package org.coophub.reporting.signin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signing out of the dashboard also ends the sign-in at identity-service (OpenID Connect
 * RP-initiated logout); otherwise the next visit would be signed in again at once.
 */
class IdentityLogout implements LogoutSuccessHandler {

	private final String issuer;

	IdentityLogout(String issuer) {
		this.issuer = issuer;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		UriComponentsBuilder logout = UriComponentsBuilder.fromUriString(this.issuer).path("/connect/logout");
		if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
			logout.queryParam("id_token_hint", user.getIdToken().getTokenValue());
		}
		String signOutUrl = logout.build().toUriString();
		if (MediaType.APPLICATION_JSON_VALUE.equals(request.getHeader(HttpHeaders.ACCEPT))) {
			// the dashboard's script signs out with fetch, which cannot follow a redirect
			// to another origin: it goes there itself
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write("{\"signOutUrl\":\"" + signOutUrl.replace("\"", "%22") + "\"}");
			return;
		}
		response.sendRedirect(signOutUrl);
	}

}
