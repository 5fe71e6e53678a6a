package org.coophub.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokenValidatorsTest {

	static final String ISSUER = "http://127.0.0.1:9000";

	final OAuth2TokenValidator<Jwt> validator = ApiTokenValidators.forApi(ISSUER, "coophub-api");

	@Test
	void anAccessTokenForTheApiPasses() {
		assertThat(this.validator.validate(token(List.of("coophub-api"), expiresIn(15))).hasErrors()).isFalse();
	}

	@Test
	void anIdTokenIsRefused() {
		Jwt idToken = builder(List.of("coophub-workspace")).expiresAt(expiresIn(15))
			.claim("azp", "coophub-workspace")
			.build();

		assertThat(this.validator.validate(idToken).getErrors())
			.anySatisfy((error) -> assertThat(error.getDescription()).contains("aud"));
	}

	@Test
	void aTokenForAnotherAudienceOrForNoneIsRefused() {
		assertThat(this.validator.validate(token(List.of("another-api"), expiresIn(15))).hasErrors()).isTrue();
		assertThat(this.validator.validate(builder(null).expiresAt(expiresIn(15)).build()).hasErrors()).isTrue();
	}

	@Test
	void aTokenWithoutExpiryIsRefused() {
		Jwt timeless = builder(List.of("coophub-api")).build();

		assertThat(this.validator.validate(timeless).getErrors())
			.anySatisfy((error) -> assertThat(error.getDescription()).contains("exp"));
	}

	@Test
	void anotherIssuerIsStillRefused() {
		Jwt foreign = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.issuer("http://elsewhere")
			.audience(List.of("coophub-api"))
			.issuedAt(Instant.now())
			.expiresAt(expiresIn(15))
			.build();

		assertThat(this.validator.validate(foreign).hasErrors()).isTrue();
	}

	private static Jwt token(List<String> audience, Instant expiresAt) {
		return builder(audience).expiresAt(expiresAt).build();
	}

	private static Jwt.Builder builder(List<String> audience) {
		Jwt.Builder builder = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.issuer(ISSUER)
			.subject("ld-editor")
			.issuedAt(Instant.now());
		return (audience != null) ? builder.audience(audience) : builder;
	}

	private static Instant expiresIn(int minutes) {
		return Instant.now().plus(Duration.ofMinutes(minutes));
	}

}
