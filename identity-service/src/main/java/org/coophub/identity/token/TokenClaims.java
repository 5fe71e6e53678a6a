package org.coophub.identity.token;

import java.util.List;

import org.coophub.identity.IdentityProperties;
import org.coophub.identity.client.Clients;
import org.coophub.identity.user.UserAccount;
import org.coophub.identity.user.UserAccounts;
import org.coophub.platform.security.Role;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts who the caller is into access and ID tokens, so the services decide from the token
 * alone: {@code roles} (an array with the one role), {@code organization} (the user's
 * organization code, absent for the secretariat) and {@code name}. Access tokens get the
 * API's audience ({@code coophub.identity.api-audience}) in place of the client id: the
 * services accept only tokens with it, so an ID token (audience: the workspace) opens no
 * API.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ROLES = "roles";

	static final String ORGANIZATION = "organization";

	static final String NAME = "name";

	private static final String SCRIPTS_NAME = "Scripts";

	private final UserAccounts accounts;

	private final String apiAudience;

	TokenClaims(UserAccounts accounts, IdentityProperties properties) {
		this.accounts = accounts;
		this.apiAudience = properties.apiAudience();
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!isAccessToken(context) && !isIdToken(context)) {
			return;
		}
		JwtClaimsSet.Builder claims = context.getClaims();
		if (isAccessToken(context)) {
			claims.audience(List.of(this.apiAudience));
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			// a client with no identity here gets no role, so the services refuse it
			if (Clients.SCRIPTS.equals(context.getRegisteredClient().getClientId())) {
				claims.claim(ROLES, List.of(Role.ADMIN.name())).claim(NAME, SCRIPTS_NAME);
			}
			return;
		}
		// read again rather than taken from the sign-in: a role changed or a user
		// disabled
		// since then shows in the next token
		UserAccount account = this.accounts.findById(context.getPrincipal().getName())
			.filter(UserAccount::enabled)
			.orElseThrow(() -> new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The user is disabled or no longer exists", null)));
		claims.claim(ROLES, List.of(account.role().name())).claim(NAME, account.displayName());
		if (account.organizationCode() != null) {
			claims.claim(ORGANIZATION, account.organizationCode());
		}
	}

	private static boolean isAccessToken(JwtEncodingContext context) {
		return OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
	}

	private static boolean isIdToken(JwtEncodingContext context) {
		return OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
	}

}
