package org.coophub.localstack.process;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The services of Cooperation Hub, with their default ports: identity-service, which
 * signs users and scripts in, the four event-driven services, which accept no request
 * without its tokens, and the workspace, the staff's web front door to them. Each is
 * built by {@code ./mvnw package} into {@code <module>/target/<module>.jar}.
 */
public enum StackService {

	/**
	 * The authorization server: issues the JWTs the other services check. It uses MongoDB
	 * only (no Kafka consumer group, no OpenAPI document).
	 */
	IDENTITY("identity-service", 9000, false),

	AGREEMENT("agreement-service", 8081, true),

	ACTIVITY("activity-service", 8082, true),

	REPORTING("reporting-service", 8083, true),

	NOTIFICATION("notification-service", 8084, true),

	/**
	 * The staff's web workspace: its pages, and the four services' APIs under one origin
	 * with the signed-in user's token (an OAuth2 client of identity-service). It keeps no
	 * data of its own (no MongoDB, no Kafka, no outbox).
	 */
	WORKSPACE("workspace", 8080, false);

	private static final List<StackService> EVENT_DRIVEN = Arrays.stream(values())
		.filter(StackService::isEventDriven)
		.toList();

	private final String moduleName;

	private final int defaultPort;

	private final boolean eventDriven;

	StackService(String moduleName, int defaultPort, boolean eventDriven) {
		this.moduleName = moduleName;
		this.defaultPort = defaultPort;
		this.eventDriven = eventDriven;
	}

	/**
	 * The four services that talk through Kafka (each in its own consumer group, named
	 * after it) and serve an OpenAPI document; every service but identity-service.
	 */
	public static List<StackService> eventDriven() {
		return EVENT_DRIVEN;
	}

	public String moduleName() {
		return this.moduleName;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	/** Whether this is one of the four services of {@link #eventDriven()}. */
	public boolean isEventDriven() {
		return this.eventDriven;
	}

	public Path jar(Path projectRoot) {
		return projectRoot.resolve(this.moduleName).resolve("target").resolve(this.moduleName + ".jar");
	}

}
