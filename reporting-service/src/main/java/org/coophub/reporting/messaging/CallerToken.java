package org.coophub.reporting.messaging;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The access token of whoever asks for the pipeline's health, so that the other services'
 * metrics are read with the caller's own rights (any role may read
 * {@code /actuator/metrics}) and reporting-service holds no token of its own: the bearer
 * token of the API call (the workspace relays the signed-in user's).
 */
@Component
class CallerToken {

	/** The caller's access token, or null when there is none to pass on. */
	String of(Authentication caller) {
		return (caller instanceof JwtAuthenticationToken bearer) ? bearer.getToken().getTokenValue() : null;
	}

}
