package org.coophub.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * The tests' stand-in for identity-service: an RSA key whose public half is served as a
 * JWK set over real HTTP, and tokens signed with it carrying the claims identity-service
 * issues ({@code roles}, {@code organization}). Services under test check these tokens
 * exactly as they check identity-service's.
 */
public final class TestIdentity {

	/** The issuer the tokens name and the services expect. */
	public static final String ISSUER = "http://coophub-test-identity";

	/** The audience of access tokens, which the services require. */
	public static final String AUDIENCE = "coophub-api";

	/** The audience of the workspace's ID tokens, which no service accepts. */
	public static final String WORKSPACE_CLIENT = "coophub-workspace";

	private final RSAKey key;

	private final HttpServer server;

	TestIdentity() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
			byte[] jwks = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/oauth2/jwks", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(jwks);
				}
			});
			this.server.start();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/jwks";
	}

	/** The program secretariat's token: reads and writes everything. */
	public String admin() {
		return token("admin", "ADMIN", null);
	}

	/**
	 * A valid token for 15 minutes.
	 * @param user the subject
	 * @param role ADMIN, EDITOR or VIEWER
	 * @param organizationCode the user's organization code, or null
	 * @return the signed JWT
	 */
	public String token(String user, String role, String organizationCode) {
		return sign(claims(user, role, organizationCode, Instant.now().plus(Duration.ofMinutes(15))));
	}

	/** A token that expired an hour ago, otherwise valid. */
	public String expired(String role) {
		return sign(claims("late-user", role, null, Instant.now().minus(Duration.ofHours(1))));
	}

	/** A valid token whose payload was changed after signing (a role raised to ADMIN). */
	public String tampered() {
		String viewer = token("viewer", "VIEWER", null);
		String[] parts = viewer.split("\\.");
		String raised = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(claims("viewer", "ADMIN", null, Instant.now().plus(Duration.ofMinutes(15))).toString()
				.getBytes(StandardCharsets.UTF_8));
		return parts[0] + "." + raised + "." + parts[2];
	}

	/** A token signed with the right key and otherwise valid, but without {@code exp}. */
	public String withoutExpiry() {
		JWTClaimsSet valid = claims("timeless", "ADMIN", null, Instant.now().plus(Duration.ofMinutes(15)));
		return sign(new JWTClaimsSet.Builder(valid).expirationTime(null).build());
	}

	/** A token signed with the right key and otherwise valid, meant for another API. */
	public String forAnotherAudience() {
		JWTClaimsSet valid = claims("elsewhere", "ADMIN", null, Instant.now().plus(Duration.ofMinutes(15)));
		return sign(new JWTClaimsSet.Builder(valid).audience("another-api").build());
	}

	/**
	 * An ID token as identity-service gives the workspace: signed with the right key, the
	 * same role claims, but the workspace as its audience.
	 */
	public String idToken() {
		JWTClaimsSet valid = claims("signed-in", "ADMIN", null, Instant.now().plus(Duration.ofMinutes(15)));
		return sign(new JWTClaimsSet.Builder(valid).audience(WORKSPACE_CLIENT)
			.claim("azp", WORKSPACE_CLIENT)
			.claim("sid", UUID.randomUUID().toString())
			.claim("auth_time", Date.from(Instant.now()))
			.build());
	}

	/** A well-formed token signed with a key the services do not know. */
	public String signedByAStranger() {
		try {
			RSAKey stranger = new RSAKeyGenerator(2048).keyID(this.key.getKeyID()).generate();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID()).build(),
					claims("stranger", "ADMIN", null, Instant.now().plus(Duration.ofMinutes(15))));
			jwt.sign(new RSASSASigner(stranger));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWTClaimsSet claims(String user, String role, String organizationCode, Instant expiresAt) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(user)
			.audience(AUDIENCE)
			.issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of(role))
			.claim("name", user);
		if (organizationCode != null) {
			claims.claim("organization", organizationCode);
		}
		return claims.build();
	}

	private String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void stop() {
		this.server.stop(0);
	}

}
