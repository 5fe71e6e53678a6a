package org.coophub.workspace;

import org.coophub.platform.secret.RefusedConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workspace does not start without its client secret, or with the example files'
 * placeholder, and says which property in one line, as every server here does. Each start
 * is a real one, as an operator's.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedStartTest {

	@Test
	void aMissingClientSecretIsRefused(CapturedOutput output) {
		assertRefused(output, "coophub.workspace.client-secret is not set");
	}

	@Test
	void aPlaceholderClientSecretIsRefused(CapturedOutput output) {
		assertRefused(output, "coophub.workspace.client-secret is still a placeholder (\"change me\")",
				"--coophub.workspace.client-secret=change-me-workspace-secret");
	}

	private static void assertRefused(CapturedOutput output, String reason, String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		assertThatThrownBy(() -> new SpringApplicationBuilder(WorkspaceApplication.class).run(all).close())
			.hasRootCauseInstanceOf(RefusedConfigurationException.class);
		assertThat(output.getAll().lines().filter((line) -> line.startsWith("Refusing to start: " + reason)))
			.hasSize(1);
		assertThat(output.getAll())
			.contains("Set coophub.workspace.client-secret (environment variable COOPHUB_WORKSPACE_CLIENT_SECRET)");
	}

}
