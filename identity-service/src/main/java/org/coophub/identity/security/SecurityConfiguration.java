package org.coophub.identity.security;

import java.time.Instant;
import java.util.Objects;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.coophub.identity.IdentityProperties;
import org.coophub.identity.signin.BrowserSignIn;
import org.coophub.identity.signin.ClientSecretThrottle;
import org.coophub.identity.signin.SignInThrottle;
import org.coophub.platform.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Three filter chains: the OAuth 2.1 / OpenID Connect endpoints first, then the
 * secretariat's operations (bearer token), then everything else (the login page,
 * actuator).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, ClientSecretThrottle clientSecrets)
			throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
			// wrong client secrets: throttled like sign-ins, per client id and address
			server.clientAuthentication(clientSecrets::applyTo);
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// /userinfo takes the access token as a bearer token
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		BrowserSignIn.sendBrowsersToTheLoginPage(http);
		return http.build();
	}

	/**
	 * The secretariat's operations ({@code /admin/**}, e.g. rotating the signing key): an
	 * access token for the API with role ADMIN, as the services check it. No session, so
	 * no CSRF to guard against.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain adminFilterChain(HttpSecurity http, JWKSource<SecurityContext> keys,
			AuthorizationServerSettings settings, IdentityProperties properties) throws Exception {
		NimbusJwtDecoder adminTokens = NimbusJwtDecoder.withJwkSource(keys).build();
		adminTokens.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.getIssuer()),
						new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
						new JwtAudienceValidator(properties.apiAudience())));
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
		authentication.setJwtGrantedAuthoritiesConverter(roles);
		http.securityMatcher("/admin/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(Role.ADMIN.name()))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(adminTokens).jwtAuthenticationConverter(authentication)))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain applicationFilterChain(HttpSecurity http, SignInThrottle signIns) throws Exception {
		// the login page and form, throttled per username and per client address; first,
		// as its rules come before the catch-all below
		signIns.applyTo(http);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
			.permitAll()
			.anyRequest()
			.authenticated());
		return http.build();
	}

}
