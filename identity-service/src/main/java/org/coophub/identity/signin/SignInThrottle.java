package org.coophub.identity.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles the form login: after {@code max-failures} failed sign-ins for one username,
 * or {@code max-failures-per-address} from one client address, within the window, further
 * sign-ins for it are refused, without checking the password, until the lock ends. The
 * answer is the same whether the username exists or not, and a locked sign-in is the
 * login page saying so ({@code /login?locked}). A successful sign-in forgets the
 * username's failures.
 * <p>
 * The client address is the connection's ({@code request.getRemoteAddr()}): behind a
 * reverse proxy, let Tomcat take it from {@code X-Forwarded-For}
 * ({@code server.forward-headers-strategy=native}), or every user shares the proxy's.
 */
@Component
public class SignInThrottle {

	static final String LOGIN = "/login";

	static final String FAILED = LOGIN + "?error";

	static final String LOCKED = LOGIN + "?locked";

	/** Longer usernames are kept as their hash: the key stays small whatever is typed. */
	private static final int MAX_KEY_USERNAME = 100;

	private final FailureCounts counts;

	private final SignInProperties properties;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	SignInThrottle(FailureCounts counts, SignInProperties properties) {
		this.counts = counts;
		this.properties = properties;
	}

	/**
	 * Form login at {@code /login} (our page, {@link LoginPageController}, open to anyone
	 * with any of its messages), counting failures, refusing locked sign-ins and
	 * forgetting a user's failures when they sign in. Call it before the chain's own
	 * authorization rules end with {@code anyRequest()}.
	 */
	public void applyTo(HttpSecurity http) throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler continueWhereLeft = new SavedRequestAwareAuthenticationSuccessHandler();
		// the login page with any of its messages (?error, ?locked, ?logout)
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, LOGIN).permitAll());
		http.formLogin((form) -> form.loginPage(LOGIN)
			.permitAll()
			.failureHandler((request, response, exception) -> this.redirects.sendRedirect(request, response,
					failed(request).isPresent() ? LOCKED : FAILED))
			.successHandler((request, response, authentication) -> {
				this.counts.reset(userKey(authentication.getName()));
				continueWhereLeft.onAuthenticationSuccess(request, response, authentication);
			})).addFilterBefore(new LockedSignIns(), UsernamePasswordAuthenticationFilter.class);
	}

	/**
	 * Counts a failed sign-in for the username and the address; until when it locked one.
	 */
	private Optional<Instant> failed(HttpServletRequest request) {
		Optional<Instant> user = this.counts.recordFailure(userKey(username(request)), this.properties.maxFailures());
		Optional<Instant> address = this.counts.recordFailure(addressKey(request),
				this.properties.maxFailuresPerAddress());
		return user.isPresent() ? user : address;
	}

	private boolean locked(HttpServletRequest request) {
		return this.counts.lockedUntil(userKey(username(request))).isPresent()
				|| this.counts.lockedUntil(addressKey(request)).isPresent();
	}

	private static String username(HttpServletRequest request) {
		String username = request.getParameter(UsernamePasswordAuthenticationFilter.SPRING_SECURITY_FORM_USERNAME_KEY);
		return (username != null) ? username : "";
	}

	/**
	 * As accounts are looked up: trimmed and lower-case, so case does not get around it.
	 */
	static String userKey(String username) {
		String normalized = username.strip().toLowerCase(Locale.ROOT);
		if (normalized.length() > MAX_KEY_USERNAME) {
			normalized = "md5:" + DigestUtils.md5DigestAsHex(normalized.getBytes(StandardCharsets.UTF_8));
		}
		return "user:" + normalized;
	}

	/** Shared with {@link ClientSecretThrottle}: one address guessing either is one. */
	static String addressKey(HttpServletRequest request) {
		return "address:" + request.getRemoteAddr();
	}

	/**
	 * Refuses a sign-in for a locked username or address before the password is checked:
	 * even the right password does not get in during the lock.
	 */
	private final class LockedSignIns extends OncePerRequestFilter {

		private final RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN);

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !this.signIn.matches(request);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (locked(request)) {
				SignInThrottle.this.redirects.sendRedirect(request, response, LOCKED);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
