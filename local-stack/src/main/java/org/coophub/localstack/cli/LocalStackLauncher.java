package org.coophub.localstack.cli;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--fresh] [--no-demo] [--infra-only]}.
 * <p>
 * This class only points Logback at the launcher's configuration before any logger exists
 * (so no static logger here), then hands over to {@link LocalStackCommand}. The
 * configuration is not called {@code logback.xml} on purpose: this jar is also on the
 * services' test class path, whose logging it must not take over.
 */
public final class LocalStackLauncher {

	private LocalStackLauncher() {
	}

	public static void main(String[] args) {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "org/coophub/localstack/cli/logback-launcher.xml");
		}
		int exitCode = new LocalStackCommand().run(args);
		if (exitCode != 0) {
			System.exit(exitCode);
		}
	}

}
