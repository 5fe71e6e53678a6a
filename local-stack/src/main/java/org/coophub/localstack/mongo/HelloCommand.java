package org.coophub.localstack.mongo;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Answers the {@code hello} command, which mongo-java-server lacks, like
 * {@code isMaster}. MongoDB drivers and Spring Boot's health indicator send
 * {@code hello}; without an answer the health check fails and the services never report
 * UP.
 */
final class HelloCommand {

	private HelloCommand() {
	}

	/**
	 * @param command the command name as received
	 * @param backend runs a command on the backend (the backend's own command handling)
	 */
	static Document handle(String command, Backend backend) {
		if (!"hello".equalsIgnoreCase(command)) {
			return backend.run(command);
		}
		Document isMaster = backend.run("isMaster");
		Document hello = new Document();
		hello.put("isWritablePrimary", Boolean.TRUE);
		hello.put("helloOk", Boolean.TRUE);
		isMaster.forEach((key, value) -> {
			if (!"ismaster".equalsIgnoreCase(key)) {
				hello.put(key, value);
			}
		});
		return hello;
	}

	@FunctionalInterface
	interface Backend {

		Document run(String command);

	}

}
