package org.coophub.identity.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.coophub.identity.IdentityProperties;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The applications allowed to ask for tokens: the staff's workspace, the one that signs
 * people in, and the scripts. Both keep a secret; there is no public client.
 */
public final class Clients {

	/**
	 * The staff's workspace: a server-side web application that signs users in and relays
	 * their access token to the services.
	 */
	static final String WORKSPACE = "coophub-workspace";

	/**
	 * How long the workspace may renew a user's access token without a new sign-in: its
	 * session's lifetime (server.servlet.session.timeout there), a working day.
	 */
	static final Duration WORKSPACE_REFRESH_TOKEN_TTL = Duration.ofHours(8);

	/** Import and maintenance scripts, acting for the program secretariat. */
	public static final String SCRIPTS = "coophub-scripts";

	/** For scripts calling the services' APIs. */
	static final String API_SCOPE = "api";

	private Clients() {
	}

	/**
	 * A confidential client: the workspace keeps its secret on the server, and PKCE
	 * guards the authorization code as well. It gets a refresh token, so it renews the
	 * 15-minute access tokens of a signed-in user without sending them back through the
	 * sign-in.
	 */
	static RegisteredClient workspace(IdentityProperties properties, PasswordEncoder passwords) {
		return RegisteredClient.withId(WORKSPACE)
			.clientId(WORKSPACE)
			.clientName("Cooperation Hub workspace")
			// hashed even in memory: a heap dump then shows no usable secret
			.clientSecret(passwords.encode(properties.workspaceSecret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(properties.workspaceRedirectUris()))
			// after signing out, back to the start page of the workspace that sent the
			// user
			.postLogoutRedirectUris((uris) -> uris.addAll(startPages(properties.workspaceRedirectUris())))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			// first-party app: the user has nothing to consent to
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(properties.accessTokenTtl())
				.refreshTokenTimeToLive(WORKSPACE_REFRESH_TOKEN_TTL)
				.build())
			.build();
	}

	/**
	 * The start page of each address a redirect URI names: {@code http://127.0.0.1:8080/}
	 * for {@code http://127.0.0.1:8080/login/oauth2/code/identity}.
	 */
	static List<String> startPages(List<String> redirectUris) {
		return redirectUris.stream()
			.map(URI::create)
			.map((uri) -> uri.getScheme() + "://" + uri.getRawAuthority() + "/")
			.distinct()
			.toList();
	}

	static RegisteredClient scripts(IdentityProperties properties, PasswordEncoder passwords) {
		return RegisteredClient.withId(SCRIPTS)
			.clientId(SCRIPTS)
			.clientName("Cooperation Hub scripts")
			// hashed even in memory: a heap dump then shows no usable secret
			.clientSecret(passwords.encode(properties.scriptsSecret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(API_SCOPE)
			.tokenSettings(tokens(properties.accessTokenTtl()))
			.build();
	}

	private static TokenSettings tokens(Duration accessTokenTtl) {
		return TokenSettings.builder().accessTokenTimeToLive(accessTokenTtl).build();
	}

}
