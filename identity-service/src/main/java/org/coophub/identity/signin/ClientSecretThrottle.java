package org.coophub.identity.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2ClientAuthenticationConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretBasicAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretPostAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Throttles client secrets as {@link SignInThrottle} throttles passwords: after
 * {@code max-failures} failed client authentications for one client id, or
 * {@code max-failures-per-address} failures from one client address (counted together
 * with the address's failed sign-ins), within the window, requests with a secret for it
 * are refused without checking the secret until the lock ends: 429 with
 * {@code Retry-After}. A successful authentication with a secret forgets the client's
 * failures. Unknown client ids are counted like known ones.
 * <p>
 * Only requests that present a client secret ({@code client_secret_basic} or
 * {@code client_secret_post}) are counted and refused: a request without one guesses
 * nothing (and gets no token: every client has a secret).
 */
@Component
public class ClientSecretThrottle {

	/**
	 * RFC 6749's code for "cannot handle the request now, try later": the secret was not
	 * even checked, so it is not {@code invalid_client}.
	 */
	static final String LOCKED_ERROR = "temporarily_unavailable";

	static final String LOCKED_DETAIL = "Xác thực client thất bại quá nhiều lần: tạm thời bị chặn, vui lòng thử lại sau %d giây. "
			+ "/ Too many failed client authentications: blocked for now, try again in %d seconds.";

	/** Longer client ids are kept as their hash: the key stays small whatever is sent. */
	private static final int MAX_KEY_CLIENT_ID = 100;

	private static final Set<ClientAuthenticationMethod> SECRET_METHODS = Set
		.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);

	/** Spring Authorization Server's own readers of a presented secret. */
	private final AuthenticationConverter basic = new ClientSecretBasicAuthenticationConverter();

	private final AuthenticationConverter post = new ClientSecretPostAuthenticationConverter();

	private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

	private final FailureCounts counts;

	private final SignInProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	ClientSecretThrottle(FailureCounts counts, SignInProperties properties, JsonMapper json, Clock clock) {
		this.counts = counts;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Client authentication at the token endpoint (and the other endpoints that
	 * authenticate clients): refuses a locked client id or address first, counts each
	 * failure, forgets a client's failures when its secret is right.
	 */
	public void applyTo(OAuth2ClientAuthenticationConfigurer clients) {
		clients.authenticationConverter(this::refuseWhileLocked)
			.errorResponseHandler(this::failed)
			.authenticationSuccessHandler(this::succeeded);
	}

	/**
	 * Asked before the library's converters: throws while the client id or the address is
	 * locked, else leaves the request to them.
	 */
	private Authentication refuseWhileLocked(HttpServletRequest request) {
		Optional<String> clientId = presentedClientId(request);
		if (clientId.isPresent()) {
			Optional<Instant> lockedUntil = later(this.counts.lockedUntil(clientKey(clientId.get())),
					this.counts.lockedUntil(SignInThrottle.addressKey(request)));
			if (lockedUntil.isPresent()) {
				throw new LockedException(lockedUntil.get());
			}
		}
		return null;
	}

	private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		SecurityContextHolder.clearContext();
		if (exception instanceof LockedException locked) {
			tooManyFailures(request, response, locked.lockedUntil);
			return;
		}
		OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
		Optional<String> clientId = presentedClientId(request);
		if (clientId.isPresent() && OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())) {
			Optional<Instant> lockedUntil = later(
					this.counts.recordFailure(clientKey(clientId.get()), this.properties.maxFailures()), this.counts
						.recordFailure(SignInThrottle.addressKey(request), this.properties.maxFailuresPerAddress()));
			if (lockedUntil.isPresent()) {
				tooManyFailures(request, response, lockedUntil.get());
				return;
			}
		}
		// as the library answers: the error code only, 401 for invalid_client
		ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
		answer.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode()) ? HttpStatus.UNAUTHORIZED
				: HttpStatus.BAD_REQUEST);
		this.errors.write(new OAuth2Error(error.getErrorCode()), null, answer);
	}

	private void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication instanceof OAuth2ClientAuthenticationToken client
				&& SECRET_METHODS.contains(client.getClientAuthenticationMethod())) {
			this.counts.reset(clientKey(client.getName()));
		}
		// what the library does after a client authenticated
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
	}

	/**
	 * 429 with {@code Retry-After}: a problem (RFC 9457) that also carries the OAuth 2
	 * error members, so a script reads either.
	 */
	private void tooManyFailures(HttpServletRequest request, HttpServletResponse response, Instant lockedUntil)
			throws IOException {
		Duration left = Duration.between(this.clock.instant(), lockedUntil);
		// whole seconds, rounded up: a client that waits that long is let in
		long seconds = Math.max(1, left.toSeconds() + ((left.toNanosPart() > 0) ? 1 : 0));
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
		problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
		problem.put("detail", LOCKED_DETAIL.formatted(seconds, seconds));
		problem.put("instance", request.getRequestURI());
		problem.put("error", LOCKED_ERROR);
		// RFC 6749 allows only ASCII here: the English half
		problem.put("error_description",
				"Too many failed client authentications: try again in " + seconds + " seconds");
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * The client id of a request that presents a secret; a malformed one presents none.
	 */
	private Optional<String> presentedClientId(HttpServletRequest request) {
		return Stream.of(this.basic, this.post).map((converter) -> {
			try {
				return converter.convert(request);
			}
			catch (OAuth2AuthenticationException ex) {
				return null;
			}
		}).filter((presented) -> presented != null).findFirst().map(Authentication::getName);
	}

	/** Client ids are case-sensitive (RFC 6749), so unlike usernames kept as sent. */
	static String clientKey(String clientId) {
		String key = clientId;
		if (key.length() > MAX_KEY_CLIENT_ID) {
			key = "md5:" + DigestUtils.md5DigestAsHex(key.getBytes(StandardCharsets.UTF_8));
		}
		return "client:" + key;
	}

	private static Optional<Instant> later(Optional<Instant> one, Optional<Instant> other) {
		return Stream.of(one, other).flatMap(Optional::stream).max(Instant::compareTo);
	}

	/** A request refused before its secret was checked. */
	private static final class LockedException extends OAuth2AuthenticationException {

		private final transient Instant lockedUntil;

		LockedException(Instant lockedUntil) {
			super(LOCKED_ERROR);
			this.lockedUntil = lockedUntil;
		}

	}

}
