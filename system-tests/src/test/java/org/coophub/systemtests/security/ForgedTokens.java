package org.coophub.systemtests.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JWTs an attacker can make without identity-service's private key: signed with a key of
 * their own under the real key's {@code kid}, unsigned ({@code alg: none}), HMAC-signed
 * with the published public key (algorithm confusion), or a real token whose claims were
 * changed after signing. Each claims what an attacker wants: role ADMIN.
 */
final class ForgedTokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

	private final String issuer;

	private final String kid;

	private final KeyPair foreignKey;

	/**
	 * @param issuer identity-service's issuer, as the services expect it
	 * @param realToken a token identity-service issued, for its {@code kid}
	 */
	ForgedTokens(String issuer, String realToken) {
		this.issuer = issuer;
		this.kid = header(realToken).path("kid").asString();
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			this.foreignKey = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * ADMIN claims, valid for ten minutes, for the API's audience and the real issuer.
	 */
	Map<String, Object> adminClaims() {
		Instant now = Instant.now();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", this.issuer);
		claims.put("sub", "attacker");
		claims.put("aud", List.of("coophub-api"));
		claims.put("roles", List.of("ADMIN"));
		claims.put("iat", now.getEpochSecond());
		claims.put("nbf", now.getEpochSecond());
		claims.put("exp", now.plusSeconds(600).getEpochSecond());
		return claims;
	}

	/** Signed RS256 with the attacker's own key, naming the real key's {@code kid}. */
	String signedWithAnotherKey(Map<String, Object> claims) {
		String input = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", this.kid)) + "." + encode(claims);
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initSign(this.foreignKey.getPrivate());
			rsa.update(input.getBytes(StandardCharsets.US_ASCII));
			return input + "." + URL.encodeToString(rsa.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code alg: none}, no signature. */
	String unsigned(Map<String, Object> claims) {
		return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(claims) + ".";
	}

	/** HS256 with the published key set as the HMAC secret (algorithm confusion). */
	String hmacWithPublicKey(Map<String, Object> claims, String publishedKeys) {
		String input = encode(Map.of("alg", "HS256", "typ", "JWT", "kid", this.kid)) + "." + encode(claims);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(publishedKeys.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return input + "." + URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A real token with its claims changed (role ADMIN, no organization), header and
	 * signature kept.
	 */
	static String tampered(String realToken) {
		String[] parts = realToken.split("\\.");
		@SuppressWarnings("unchecked")
		Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), LinkedHashMap.class);
		claims.put("roles", List.of("ADMIN"));
		claims.remove("organization");
		return parts[0] + "." + encode(claims) + "." + parts[2];
	}

	static JsonNode claims(String token) {
		return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	private static JsonNode header(String token) {
		return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
	}

	private static String encode(Map<String, ?> json) {
		return URL.encodeToString(JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
	}

}
