package org.coophub.localstack.cli;

import java.util.List;

/**
 * The command line of the launcher.
 *
 * @param fresh delete {@code .local-stack/} (all local data) first
 * @param demo load the demo data
 * @param infraOnly start only Kafka, MongoDB and the SMTP capture
 * @param help print the usage
 * @param adjustableClocks start the four services with clocks an ADMIN can move forward
 * (test and demo only)
 */
record LaunchArguments(boolean fresh, boolean demo, boolean infraOnly, boolean help, boolean adjustableClocks) {

	static final String USAGE = """
			Usage: java -jar local-stack/target/local-stack.jar [--fresh] [--no-demo] [--infra-only] [--adjustable-clocks]
			  --fresh              delete .local-stack/ (Kafka, MongoDB data and logs) before starting
			  --no-demo            do not load the demo data
			  --infra-only         start only Kafka, MongoDB and the SMTP capture; run the services yourself
			  --adjustable-clocks  let an ADMIN move the four services' clocks forward (POST /actuator/clock
			                       {"advanceBy":"P30D"}) to see reminders, due reviews and reports happen
			  --help               show this text""";

	static LaunchArguments parse(String... args) {
		List<String> arguments = List.of(args);
		for (String argument : arguments) {
			if (!List.of("--fresh", "--no-demo", "--infra-only", "--adjustable-clocks", "--help", "-h")
				.contains(argument)) {
				throw new IllegalArgumentException("Unknown option " + argument);
			}
		}
		return new LaunchArguments(arguments.contains("--fresh"), !arguments.contains("--no-demo"),
				arguments.contains("--infra-only"), arguments.contains("--help") || arguments.contains("-h"),
				arguments.contains("--adjustable-clocks"));
	}

}
