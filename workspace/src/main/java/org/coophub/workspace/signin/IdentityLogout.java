package org.coophub.workspace.signin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signing out of the workspace also ends the sign-in at identity-service (OpenID Connect
 * RP-initiated logout), which then sends the browser back to the workspace's start page;
 * otherwise the next visit would be signed in again at once.
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
			// identity-service accepts the way back only with the hint naming the client
			logout.queryParam("id_token_hint", user.getIdToken().getTokenValue())
				.queryParam("post_logout_redirect_uri",
						ServletUriComponentsBuilder.fromContextPath(request).path("/").build().toUriString());
		}
		String signOutUrl = logout.encode().build().toUriString();
		if (accepts(request, MediaType.APPLICATION_JSON)) {
			// a page's script signs out with fetch, which cannot follow a redirect to
			// another origin: it goes there itself
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write("{\"signOutUrl\":\"" + signOutUrl.replace("\"", "%22") + "\"}");
			return;
		}
		response.sendRedirect(signOutUrl);
	}

	private static boolean accepts(HttpServletRequest request, MediaType type) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(type::equalsTypeAndSubtype);
	}

}
