package org.coophub.workspace;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands for identity-service in the workspace's tests: the three endpoints a
 * confidential OpenID Connect client uses (authorize, token, JWKS), on a real HTTP
 * server, issuing ID tokens signed with a key of its own and checking the client secret
 * and the PKCE verifier as identity-service does. The full sign-in through
 * identity-service itself is proven by the system tests.
 */
final class FakeIdentity implements AutoCloseable {

	static final String CLIENT_ID = "coophub-workspace";

	static final String CLIENT_SECRET = "test-workspace-secret";

	private final HttpServer server;

	private final RSAKey key;

	private final Map<String, Authorization> codes = new ConcurrentHashMap<>();

	/** Every authorization request's parameters, in order. */
	final List<Map<String, String>> authorizationRequests = new CopyOnWriteArrayList<>();

	/** Every token request's grant type, in order. */
	final List<String> grants = new CopyOnWriteArrayList<>();

	/** How long the access tokens issued next live, in seconds. */
	volatile long accessTokenSeconds = 900;

	/** Whether the refresh grant is refused, as when the refresh token expired. */
	volatile boolean refuseRefresh;

	volatile String user = "ld-editor";

	FakeIdentity() throws IOException, JOSEException {
		this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/oauth2/authorize", this::authorize);
		this.server.createContext("/oauth2/token", this::token);
		this.server.createContext("/oauth2/jwks", this::jwks);
		this.server.start();
	}

	String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> parameters = parse(exchange.getRequestURI().getRawQuery());
		this.authorizationRequests.add(parameters);
		String code = UUID.randomUUID().toString();
		this.codes.put(code, new Authorization(parameters.get("nonce"), parameters.get("code_challenge"),
				parameters.get("redirect_uri"), this.user));
		String redirect = parameters.get("redirect_uri") + "?code=" + code + "&state="
				+ URLEncoder.encode(parameters.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Location", redirect);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			json(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		String grant = form.get("grant_type");
		this.grants.add(grant);
		if ("authorization_code".equals(grant)) {
			Authorization authorization = this.codes.remove(form.get("code"));
			if (authorization == null || !authorization.challenge().equals(challenge(form.get("code_verifier")))
					|| !authorization.redirectUri().equals(form.get("redirect_uri"))) {
				json(exchange, 400, "{\"error\":\"invalid_grant\"}");
				return;
			}
			json(exchange, 200, tokens(authorization.user(), "access-" + authorization.user() + "-1",
					"refresh-" + authorization.user(), idToken(authorization)));
			return;
		}
		if ("refresh_token".equals(grant) && !this.refuseRefresh) {
			String user = form.get("refresh_token").substring("refresh-".length());
			json(exchange, 200, tokens(user, "access-" + user + "-renewed", form.get("refresh_token"), null));
			return;
		}
		json(exchange, 400, "{\"error\":\"invalid_grant\"}");
	}

	private String tokens(String user, String accessToken, String refreshToken, String idToken) {
		StringBuilder json = new StringBuilder("{\"access_token\":\"" + accessToken
				+ "\",\"token_type\":\"Bearer\",\"scope\":\"openid profile\",\"expires_in\":" + this.accessTokenSeconds
				+ ",\"refresh_token\":\"" + refreshToken + "\"");
		if (idToken != null) {
			json.append(",\"id_token\":\"").append(idToken).append('"');
		}
		return json.append('}').toString();
	}

	private String idToken(Authorization authorization) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject(authorization.user())
			.audience(CLIENT_ID)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(900)))
			.claim("nonce", authorization.nonce())
			.claim("name", "Biên tập viên – BQL các KCN Lâm Đồng")
			.claim("roles", List.of("EDITOR"))
			.claim("organization", "BQL-LD")
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private void jwks(HttpExchange exchange) throws IOException {
		json(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString());
	}

	private static void json(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static String challenge(String verifier) {
		if (verifier == null) {
			return "";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, String> parse(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	List<String> grantsSoFar() {
		return new ArrayList<>(this.grants);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private record Authorization(String nonce, String challenge, String redirectUri, String user) {
	}

}
