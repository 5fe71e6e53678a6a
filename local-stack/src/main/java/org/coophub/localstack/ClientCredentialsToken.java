package org.coophub.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of an OAuth2 client of identity-service, from its token endpoint with
 * the client credentials grant ({@code client_secret_basic}): how a script signs in. The
 * token is kept and handed out until less than {@link #RENEW_BEFORE} of its validity
 * remains, then fetched anew; if identity-service cannot be reached then, the old token
 * is handed out as long as it is still valid. Thread-safe.
 *
 * <pre class="code">
 * ClientCredentialsToken token = new ClientCredentialsToken(URI.create("http://127.0.0.1:9000"),
 *         "coophub-scripts", LocalStack.SCRIPTS_SECRET, "api");
 * request.header("Authorization", "Bearer " + token.accessToken());
 * </pre>
 */
public final class ClientCredentialsToken {

	/** A token with less validity than this left is replaced. */
	public static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(ClientCredentialsToken.class);

	private final URI tokenEndpoint;

	private final String clientId;

	private final String authorization;

	private final String form;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	private volatile Token current;

	/**
	 * @param issuer identity-service's base URL, e.g. {@code http://127.0.0.1:9000}
	 * @param clientId the client, e.g. {@code coophub-scripts}
	 * @param clientSecret its secret
	 * @param scope the scopes asked for, space-separated, e.g. {@code api}
	 */
	public ClientCredentialsToken(URI issuer, String clientId, String clientSecret, String scope) {
		this(issuer, clientId, clientSecret, scope, Clock.systemUTC());
	}

	ClientCredentialsToken(URI issuer, String clientId, String clientSecret, String scope, Clock clock) {
		this.tokenEndpoint = URI.create(issuer.toString().replaceAll("/+$", "") + "/oauth2/token");
		this.clientId = clientId;
		// RFC 6749 2.3.1: both form-encoded before they are joined
		String credentials = formEncode(clientId) + ":" + formEncode(clientSecret);
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
		this.form = "grant_type=client_credentials&scope=" + formEncode(scope);
		this.clock = clock;
	}

	/** Where tokens are fetched: {@code <issuer>/oauth2/token}. */
	public URI tokenEndpoint() {
		return this.tokenEndpoint;
	}

	/**
	 * A token valid for at least {@link #RENEW_BEFORE} more (or, when identity-service
	 * cannot give a new one, one still valid), to send as
	 * {@code Authorization: Bearer <token>}.
	 * @throws IllegalStateException if there is no valid token and identity-service gives
	 * none
	 */
	public String accessToken() {
		Token token = this.current;
		if (token != null && token.lastsBeyond(this.clock.instant().plus(RENEW_BEFORE))) {
			return token.value();
		}
		synchronized (this) {
			token = this.current;
			Instant now = this.clock.instant();
			if (token != null && token.lastsBeyond(now.plus(RENEW_BEFORE))) {
				return token.value();
			}
			try {
				this.current = fetch();
				return this.current.value();
			}
			catch (IllegalStateException ex) {
				if (token != null && token.lastsBeyond(now)) {
					log.warn("Cannot renew the token of {} ({}); using the current one, valid until {}", this.clientId,
							ex.getMessage(), token.expiresAt());
					return token.value();
				}
				throw ex;
			}
		}
	}

	private Token fetch() {
		// counted from before the request: the token cannot outlive what we assume
		Instant asked = this.clock.instant();
		HttpRequest request = HttpRequest.newBuilder(this.tokenEndpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.form))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach " + this.tokenEndpoint + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking " + this.tokenEndpoint + " for a token", ex);
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException(this.tokenEndpoint + " answered " + response.statusCode() + " to "
					+ this.clientId + ": " + response.body().substring(0, Math.min(300, response.body().length())));
		}
		JsonNode body;
		try {
			body = this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(this.tokenEndpoint + " answered with a body that is not JSON", ex);
		}
		String value = body.path("access_token").asText("");
		if (value.isEmpty()) {
			throw new IllegalStateException(this.tokenEndpoint + " answered without an access_token");
		}
		// RFC 6749 5.1: expires_in is recommended, not required; without it, renew soon
		long seconds = body.path("expires_in").asLong(RENEW_BEFORE.toSeconds() * 2);
		return new Token(value, asked.plusSeconds(seconds));
	}

	private static String formEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record Token(String value, Instant expiresAt) {

		boolean lastsBeyond(Instant moment) {
			return this.expiresAt.isAfter(moment);
		}

	}

}
