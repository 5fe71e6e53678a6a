package org.coophub.platform.security;

import java.time.Instant;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What a service checks in a token besides its signature. identity-service signs two
 * kinds of token with the same key: access tokens, meant for the services (audience
 * {@value #DEFAULT_AUDIENCE}), and ID tokens, meant for the workspace (audience
 * {@code coophub-workspace}). Only the first may call an API, and only while it expires:
 * a token without {@code exp} would be good forever.
 */
public final class ApiTokenValidators {

	/** The audience identity-service puts in every access token. */
	public static final String DEFAULT_AUDIENCE = "coophub-api";

	private ApiTokenValidators() {
	}

	/**
	 * The issuer, the time stamps (default rules), an {@code exp} that must be present
	 * and the audience.
	 * @param issuer the {@code iss} every token must name
	 * @param audience what {@code aud} must contain ({@code coophub.security.audience})
	 * @return the validator
	 */
	public static OAuth2TokenValidator<Jwt> forApi(String issuer, String audience) {
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), expiring(),
				new JwtAudienceValidator(audience));
	}

	private static OAuth2TokenValidator<Jwt> expiring() {
		// the default timestamp check lets a token without exp through
		return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
	}

}
