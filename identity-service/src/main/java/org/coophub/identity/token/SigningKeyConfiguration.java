package org.coophub.identity.token;

import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.coophub.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	/**
	 * Spring Authorization Server gives ID tokens 30 minutes, a fixed value: a retired
	 * key verifies at least that long.
	 */
	static final Duration ID_TOKEN_TTL = Duration.ofMinutes(30);

	/**
	 * On top of the longest token lifetime: clocks that differ a little, and resource
	 * servers that cached the key set a while.
	 */
	static final Duration RETENTION_MARGIN = Duration.ofMinutes(10);

	/**
	 * Signs tokens (RS256) and is published at {@code /oauth2/jwks}: the current key and
	 * the retired ones whose tokens may still be valid.
	 */
	@Bean
	SigningKeys jwkSource(MongoOperations mongo, IdentityProperties properties, Clock clock) {
		KeyEncryption encryption = KeyEncryption.of(properties.keyEncryptionKey());
		return new SigningKeys(new SigningKeyStore(mongo, encryption, clock, retention(properties)), clock,
				properties.keyRotation());
	}

	/**
	 * How long a retired key keeps verifying: the longest a token lives, plus a margin.
	 */
	static Duration retention(IdentityProperties properties) {
		Duration longest = (properties.accessTokenTtl().compareTo(ID_TOKEN_TTL) > 0) ? properties.accessTokenTtl()
				: ID_TOKEN_TTL;
		return longest.plus(RETENTION_MARGIN);
	}

	/**
	 * Signs with the one key that has its private part: the key set holds the retired
	 * keys too, and the encoder would otherwise refuse to choose.
	 */
	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(jwkSource);
		encoder.setJwkSelector((keys) -> keys.stream()
			.filter(JWK::isPrivate)
			.findFirst()
			.orElseThrow(() -> new JwtEncodingException("No signing key with a private part")));
		return encoder;
	}

	/** Checks the access tokens sent to {@code /userinfo}. */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
	}

}
