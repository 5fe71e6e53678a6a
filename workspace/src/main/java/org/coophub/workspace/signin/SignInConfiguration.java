package org.coophub.workspace.signin;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.coophub.platform.security.Actors;
import org.coophub.workspace.WorkspaceProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace signs its users in through identity-service as the confidential client
 * {@code coophub-workspace} (authorization code with PKCE) and keeps the sign-in and the
 * user's tokens in a server-side session: the browser holds only an HttpOnly, SameSite
 * session cookie, never a token, and every change needs the CSRF token. Pages without a
 * session go to the sign-in; the API answers 401 problem details instead, which a script
 * can read.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	/** The registration id, part of the redirect URI identity-service knows. */
	static final String REGISTRATION = "identity";

	/** This application's client id at identity-service. */
	static final String CLIENT_ID = "coophub-workspace";

	static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;

	/**
	 * What anyone may read: the pages' look (the sign-in redirect has none of its own).
	 */
	private static final String[] ASSETS = { "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error" };

	/**
	 * Open to everyone, without a session or a cookie: health for the orchestrator, and
	 * the calendar feeds, whose secret URL is the permission (reporting-service checks
	 * it).
	 */
	private static final String[] PUBLIC = { "/actuator/health", "/actuator/health/**", "/calendar/feeds/**" };

	/**
	 * Given, not discovered, so the workspace starts without waiting for
	 * identity-service: browsers go to the issuer's address, the workspace itself reaches
	 * identity-service at {@code coophub.security.identity-url} (another host in
	 * compose).
	 */
	@Bean
	ClientRegistrationRepository clientRegistrationRepository(WorkspaceProperties properties,
			@Value("${coophub.security.issuer}") String issuer,
			@Value("${coophub.security.identity-url}") String identityUrl,
			@Value("${coophub.security.jwk-set-uri}") String jwkSetUri) {
		ClientRegistration identity = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientName("identity-service")
			.clientId(CLIENT_ID)
			.clientSecret(properties.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(OidcScopes.OPENID, OidcScopes.PROFILE)
			.authorizationUri(issuer + "/oauth2/authorize")
			.tokenUri(identityUrl + "/oauth2/token")
			.jwkSetUri(jwkSetUri)
			// the ID token's "iss" must be the issuer; nothing is discovered from it
			.issuerUri(issuer)
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.build();
		return new InMemoryClientRegistrationRepository(identity);
	}

	/**
	 * The user's tokens live in their session: gone when they sign out or the session
	 * ends, and two sessions of one user never share them.
	 */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	/**
	 * What the token relay asks for the user's access token. Access tokens live 15
	 * minutes; this renews one with the session's refresh token shortly before it
	 * expires, so a working day goes on without signing in again.
	 */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	/** Health and the calendar feeds: no session, no CSRF cookie, no sign-in. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain publicPaths(HttpSecurity http) {
		http.securityMatcher(PUBLIC)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 20)
	SecurityFilterChain workspace(HttpSecurity http, JsonMapper json, ClientRegistrationRepository registrations,
			@Value("${coophub.security.issuer}") String issuer,
			@Value("${coophub.security.content-security-policy}") String contentSecurityPolicy,
			@Value("${coophub.security.permissions-policy}") String permissionsPolicy) {
		ApiProblems problems = new ApiProblems(json);
		RequestMatcher api = PathPatternRequestMatcher.pathPattern("/api/**");
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers(ASSETS).permitAll().anyRequest().authenticated())
			.oauth2Login((login) -> login.authorizationEndpoint(
					(authorization) -> authorization.authorizationRequestResolver(new LanguageOnSignIn(registrations)))
				.userInfoEndpoint((user) -> user.userAuthoritiesMapper(rolesFromIdToken())))
			.logout((logout) -> logout.logoutSuccessHandler(new IdentityLogout(issuer)))
			// the XSRF-TOKEN cookie for the pages' scripts, checked in the X-XSRF-TOKEN
			// header
			.csrf((csrf) -> csrf.spa())
			.requestCache((cache) -> cache.requestCache(pagesOnly(api)))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny())
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", permissionsPolicy)))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(problems, api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN),
						AnyRequestMatcher.INSTANCE)
				.accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * After signing in, the user comes back to the page they asked for; never to an API
	 * answer a script asked for while the session had ended.
	 */
	private static HttpSessionRequestCache pagesOnly(RequestMatcher api) {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/**"),
				new NegatedRequestMatcher(api)));
		// back to the page's own address, without a "?continue" added to it
		cache.setMatchingRequestParameterName(null);
		return cache;
	}

	/** The role in identity-service's ID token, as the API's tokens carry it. */
	private static GrantedAuthoritiesMapper rolesFromIdToken() {
		return (authorities) -> {
			Set<GrantedAuthority> mapped = new HashSet<>(authorities);
			for (GrantedAuthority authority : authorities) {
				if (authority instanceof OidcUserAuthority oidc) {
					List<String> roles = oidc.getIdToken().getClaimAsStringList(Actors.ROLES);
					if (roles != null) {
						roles.forEach((role) -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
					}
				}
			}
			return mapped;
		};
	}

}
