package org.coophub.platform.secret;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequiredSecretTest {

	@ParameterizedTest
	@ValueSource(strings = { "change-me", "CHANGE_ME", "scripts-secret-change-me", "change-me-scripts-secret",
			"changeMeDemo1", "changeMeKafkaAdmin1", "change me please" })
	void everySpellingOfChangeMeIsAPlaceholder(String value) {
		assertThatExceptionOfType(RefusedConfigurationException.class)
			.isThrownBy(() -> RequiredSecret.check("coophub.identity.scripts-secret", value))
			.withMessage("coophub.identity.scripts-secret is still a placeholder (\"change me\")")
			.satisfies((refused) -> assertThat(refused.getMessage()).doesNotContain(value));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void aBlankSecretIsMissing(String value) {
		assertThatExceptionOfType(RefusedConfigurationException.class)
			.isThrownBy(() -> RequiredSecret.check("coophub.identity.scripts-secret", value))
			.withMessage("coophub.identity.scripts-secret is not set");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Xk3vQ9pL2mZ7", "rotated-2026-secret" })
	void aRealSecretPasses(String value) {
		assertThat(RequiredSecret.check("coophub.identity.scripts-secret", value)).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "c2hvcnQ=", "not base64 at all!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void aKeyMustBe32BytesOfBase64(String value) {
		assertThatExceptionOfType(RefusedConfigurationException.class)
			.isThrownBy(() -> RequiredSecret.checkKey("coophub.identity.key-encryption-key", value, 32))
			.withMessage("coophub.identity.key-encryption-key must be 32 random bytes in base64"
					+ " (make one with: openssl rand -base64 32)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "coophub.identity.key-encryption-key" })
	void theEnvironmentVariableIsSpelledAsInDockerCompose(String property) {
		assertThat(new RefusedConfigurationException(property, "is not set").environmentVariable())
			.isEqualTo("COOPHUB_IDENTITY_KEY_ENCRYPTION_KEY");
	}

}
