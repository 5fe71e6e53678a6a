package org.coophub.localstack;

import java.util.List;

/**
 * The command line of the launcher.
 *
 * @param fresh delete {@code .local-stack/} (all local data) first
 * @param demo load the demo data
 * @param infraOnly start only Kafka, MongoDB and the SMTP capture
 * @param help print the usage
 */
record LaunchArguments(boolean fresh, boolean demo, boolean infraOnly, boolean help) {

	static final String USAGE = """
			Usage: java -jar local-stack/target/local-stack.jar [--fresh] [--no-demo] [--infra-only]
			  --fresh       delete .local-stack/ (Kafka, MongoDB data and logs) before starting
			  --no-demo     do not load the demo data
			  --infra-only  start only Kafka, MongoDB and the SMTP capture; run the services yourself
			  --help        show this text""";

	static LaunchArguments parse(String... args) {
		List<String> arguments = List.of(args);
		for (String argument : arguments) {
			if (!List.of("--fresh", "--no-demo", "--infra-only", "--help", "-h").contains(argument)) {
				throw new IllegalArgumentException("Unknown option " + argument);
			}
		}
		return new LaunchArguments(arguments.contains("--fresh"), !arguments.contains("--no-demo"),
				arguments.contains("--infra-only"), arguments.contains("--help") || arguments.contains("-h"));
	}

}
