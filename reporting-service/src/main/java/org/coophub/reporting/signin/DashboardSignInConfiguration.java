package org.coophub.reporting.signin;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.coophub.platform.security.Actors;
import org.coophub.platform.security.ApiSecurityConfiguration.OpenPaths;
import org.coophub.platform.security.ProblemResponses;
import org.coophub.platform.security.Role;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The operations dashboard signs in through identity-service (authorization code with
 * PKCE) and keeps the sign-in in a server-side session: the browser holds only an
 * HttpOnly, SameSite session cookie, never a token, and changes need the CSRF token.
 * Requests with a bearer token, or without the session cookie outside the dashboard's own
 * pages, stay with the stateless API security every service has.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSignInConfiguration {

	static final String SESSION_COOKIE = "COOPHUB_SESSION";

	static final String SIGN_IN = "/oauth2/authorization/identity";

	/**
	 * Annual reports by signed link (the parties' mail): the signature is the permission,
	 * checked by the report's controller, so no token or session is asked for.
	 */
	static final String SIGNED_REPORTS = "/reports/**";

	private static final List<String> PAGES = List.of("/", "/index.html", "/dashboard.js", "/dashboard.css",
			"/webjars/**", "/oauth2/authorization/**", "/login/oauth2/code/**", "/logout");

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 20)
	SecurityFilterChain dashboardSignIn(HttpSecurity http, JsonMapper json,
			@Value("${coophub.security.issuer}") String issuer) {
		ProblemResponses problems = new ProblemResponses(json);
		http.securityMatcher(new OrRequestMatcher(pages(), DashboardSignInConfiguration::signedInBrowser))
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/dashboard.css", "/webjars/**", SIGNED_REPORTS)
						.permitAll()
						.requestMatchers(HttpMethod.GET, "/**")
						.hasAnyRole(Role.VIEWER.name(), Role.EDITOR.name(), Role.ADMIN.name())
						.anyRequest()
						.hasAnyRole(Role.EDITOR.name(), Role.ADMIN.name()))
			.oauth2Login((login) -> login.userInfoEndpoint((user) -> user.userAuthoritiesMapper(rolesFromIdToken())))
			.logout((logout) -> logout.logoutSuccessHandler(new IdentityLogout(issuer)))
			.csrf((csrf) -> csrf.spa())
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(problems, PathPatternRequestMatcher.pathPattern("/api/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN), (request) -> true)
				.accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	OpenPaths signedReportLinks() {
		return new OpenPaths(List.of(SIGNED_REPORTS));
	}

	private static RequestMatcher pages() {
		return new OrRequestMatcher(PAGES.stream()
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(pattern))
			.toList());
	}

	/** The dashboard's own calls: the session cookie and no bearer token. */
	private static boolean signedInBrowser(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getCookies() == null) {
			return false;
		}
		for (Cookie cookie : request.getCookies()) {
			if (SESSION_COOKIE.equals(cookie.getName())) {
				return true;
			}
		}
		return false;
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
