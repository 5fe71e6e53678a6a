package org.coophub.platform.security;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Every service is an OAuth2 resource server: a JWT from identity-service, checked
 * against its published keys and issuer. Reading needs any role, writing EDITOR or ADMIN;
 * which organization an EDITOR may write for, the services decide
 * ({@link Actor#mayWriteFor}). Health and the OpenAPI document stay open.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
@EnableWebSecurity
public class ApiSecurityConfiguration {

	/** Readable without a token. */
	public static final List<String> OPEN = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
			"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error");

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 10)
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, ObjectProvider<OpenPaths> openPaths) {
		ProblemResponses problems = new ProblemResponses(json);
		String[] open = openPaths.orderedStream().flatMap((paths) -> paths.patterns().stream()).toArray(String[]::new);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(OPEN.toArray(String[]::new))
			.permitAll()
			.requestMatchers(open)
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/**")
			.hasAnyRole(Role.VIEWER.name(), Role.EDITOR.name(), Role.ADMIN.name())
			.requestMatchers(HttpMethod.HEAD, "/**")
			.hasAnyRole(Role.VIEWER.name(), Role.EDITOR.name(), Role.ADMIN.name())
			.anyRequest()
			.hasAnyRole(Role.EDITOR.name(), Role.ADMIN.name()))
			.oauth2ResourceServer(
					(resource) -> resource.jwt((jwt) -> jwt.jwtAuthenticationConverter(rolesFromTheToken()))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// a bearer token is not sent by the browser on its own: there is no session
			// to forge requests with
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * Headers every answer of every security chain carries (the API's and, where a
	 * service has one, the dashboard's): a Content-Security-Policy that lets a page run
	 * only its own scripts (the dashboard's and the webjars', all served by the service
	 * itself), no Referer to other sites (a signed report link holds its signature), and
	 * no browser features the pages do not use.
	 */
	@Bean
	Customizer<HttpSecurity> securityHeaders(@Value("${coophub.security.content-security-policy}") String policy,
			@Value("${coophub.security.permissions-policy}") String permissions) {
		return (http) -> http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", permissions)));
	}

	@Bean
	RequestRejectedHandler requestRejectedAsProblem(JsonMapper json) {
		return new ProblemResponses(json);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(@Value("${coophub.security.jwk-set-uri}") String jwkSetUri,
			@Value("${coophub.security.issuer}") String issuer,
			@Value("${coophub.security.audience:" + ApiTokenValidators.DEFAULT_AUDIENCE + "}") String audience) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
		// access tokens for the API only: no ID token, no token without exp
		decoder.setJwtValidator(ApiTokenValidators.forApi(issuer, audience));
		return decoder;
	}

	private static JwtAuthenticationConverter rolesFromTheToken() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(Actors.ROLES);
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return converter;
	}

	/**
	 * More paths a service serves without a token (the dashboard's page and scripts).
	 *
	 * @param patterns the path patterns
	 */
	public record OpenPaths(List<String> patterns) {
	}

}
