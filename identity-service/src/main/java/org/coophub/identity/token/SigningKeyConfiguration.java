package org.coophub.identity.token;

import java.time.Clock;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	/**
	 * Signs tokens (RS256) and is published at {@code /oauth2/jwks}. Read once at start:
	 * the key does not change while the server runs.
	 */
	@Bean
	JWKSource<SecurityContext> jwkSource(MongoOperations mongo) {
		return new ImmutableJWKSet<>(new JWKSet(new SigningKeyStore(mongo, Clock.systemUTC()).current()));
	}

	/** Checks the access tokens sent to {@code /userinfo}. */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
	}

}
