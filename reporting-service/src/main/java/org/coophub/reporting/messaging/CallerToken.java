package org.coophub.reporting.messaging;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The access token of whoever asks for the pipeline's health, so that the other services'
 * metrics are read with the caller's own rights (any role may read
 * {@code /actuator/metrics}) and reporting-service holds no token of its own: the bearer
 * token of an API call, or the one the dashboard's sign-in keeps in the session
 * (refreshed by Spring Security when it has expired).
 */
@Component
class CallerToken {

	private final ObjectProvider<OAuth2AuthorizedClientManager> clients;

	CallerToken(ObjectProvider<OAuth2AuthorizedClientManager> clients) {
		this.clients = clients;
	}

	/** The caller's access token, or null when there is none to pass on. */
	String of(Authentication caller, HttpServletRequest request, HttpServletResponse response) {
		if (caller instanceof JwtAuthenticationToken bearer) {
			return bearer.getToken().getTokenValue();
		}
		OAuth2AuthorizedClientManager manager = this.clients.getIfAvailable();
		if (caller instanceof OAuth2AuthenticationToken signedIn && manager != null) {
			OAuth2AuthorizedClient client = manager
				.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(signedIn.getAuthorizedClientRegistrationId())
					.principal(signedIn)
					.attribute(HttpServletRequest.class.getName(), request)
					.attribute(HttpServletResponse.class.getName(), response)
					.build());
			return (client != null) ? client.getAccessToken().getTokenValue() : null;
		}
		return null;
	}

}
