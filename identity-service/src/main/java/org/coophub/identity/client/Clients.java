package org.coophub.identity.client;

import java.time.Duration;

import org.coophub.identity.IdentityProperties;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The applications allowed to ask for tokens.
 */
public final class Clients {

	/** The operations dashboard: a browser-facing app that signs users in. */
	static final String DASHBOARD = "coophub-dashboard";

	/** Import and maintenance scripts, acting for the program secretariat. */
	public static final String SCRIPTS = "coophub-scripts";

	/** For scripts calling the services' APIs. */
	static final String API_SCOPE = "api";

	private Clients() {
	}

	/**
	 * A public client (it can keep no secret), so PKCE stands in for the secret. Spring
	 * Authorization Server issues no refresh token to a public client: the dashboard
	 * sends the user back through {@code /oauth2/authorize}, which answers without a
	 * login page while the session here lasts.
	 */
	static RegisteredClient dashboard(IdentityProperties properties) {
		return RegisteredClient.withId(DASHBOARD)
			.clientId(DASHBOARD)
			.clientName("Cooperation Hub dashboard")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(properties.dashboardRedirectUris()))
			.postLogoutRedirectUri("http://127.0.0.1:8083/")
			.postLogoutRedirectUri("http://localhost:8083/")
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			// first-party app: the user has nothing to consent to
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokens(properties.accessTokenTtl()))
			.build();
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
