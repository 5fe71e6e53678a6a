package org.coophub.identity.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.coophub.identity.IdentityServiceApplication;
import org.coophub.platform.secret.RefusedConfigurationException;
import org.coophub.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server does not start with a secret missing or left at a placeholder, and says
 * which property in one line. Each start is a real one, with the test values of
 * config/application.yml overridden from the command line, as an operator would.
 */
@ExtendWith(OutputCaptureExtension.class)
public class RefusedStartTest {

	@Test
	void aPlaceholderScriptsSecretIsRefused(CapturedOutput output) {
		assertRefused(output, "coophub.identity.scripts-secret is still a placeholder (\"change me\")",
				"--coophub.identity.scripts-secret=change-me-scripts-secret");
	}

	@Test
	void aMissingWorkspaceSecretIsRefused(CapturedOutput output) {
		assertRefused(output, "coophub.identity.workspace-secret is not set", "--coophub.identity.workspace-secret=");
	}

	@Test
	void aPlaceholderWorkspaceSecretIsRefused(CapturedOutput output) {
		assertRefused(output, "coophub.identity.workspace-secret is still a placeholder (\"change me\")",
				"--coophub.identity.workspace-secret=change-me-workspace-secret");
	}

	@Test
	void aMissingKeyEncryptionKeyIsRefused(CapturedOutput output) {
		assertRefused(output, "coophub.identity.key-encryption-key is not set",
				"--coophub.identity.key-encryption-key=");
	}

	@Test
	void theExampleFilesPlaceholderForTheKeyEncryptionKeyIsRefused(CapturedOutput output) {
		assertRefused(output, "coophub.identity.key-encryption-key is still a placeholder",
				"--coophub.identity.key-encryption-key=changeMeKeyEncryptionKey");
	}

	@Test
	void aKeyEncryptionKeyOfTheWrongSizeIsRefused(CapturedOutput output) {
		assertRefused(output, "coophub.identity.key-encryption-key must be 32 random bytes in base64",
				"--coophub.identity.key-encryption-key=c2hvcnQ=");
	}

	@Test
	void demoUsersNeedAPasswordOfTheirOwn(CapturedOutput output) {
		assertRefused(output, "coophub.identity.demo-password is not set", "--coophub.identity.demo-users=true",
				"--coophub.identity.demo-password=");
	}

	static void assertRefused(CapturedOutput output, String reason, String... args) {
		assertRefusedOn(output, "identity-start-" + UUID.randomUUID(), reason, args);
	}

	/**
	 * Starts the server on the given database of the test infrastructure and checks that
	 * it refused, in one line naming the property.
	 */
	public static void assertRefusedOn(CapturedOutput output, String database, String reason, String... args) {
		assertThatThrownBy(() -> start(database, args).close())
			.hasRootCauseInstanceOf(RefusedConfigurationException.class);
		// one line of the start-up failure report says it; no stack trace to dig through
		assertThat(output.getAll().lines().filter((line) -> line.startsWith("Refusing to start: " + reason)))
			.hasSize(1);
		assertThat(output.getAll()).doesNotContain("\tat org.");
		String property = reason.substring(0, reason.indexOf(' '));
		assertThat(output.getAll()).contains("Set " + property + " (environment variable");
	}

	private static ConfigurableApplicationContext start(String database, String... args) {
		List<String> all = new ArrayList<>(
				List.of("--server.port=0", "--spring.mongodb.uri=" + TestInfrastructure.get().mongoUri(),
						"--spring.mongodb.database=" + database));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(IdentityServiceApplication.class).run(all.toArray(String[]::new));
	}

}
