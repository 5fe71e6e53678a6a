package org.coophub.localstack;

import java.nio.file.Path;

/**
 * The four services of Cooperation Hub, with their default ports. Each is built by
 * {@code ./mvnw package} into {@code <module>/target/<module>.jar}.
 */
public enum StackService {

	AGREEMENT("agreement-service", 8081),

	ACTIVITY("activity-service", 8082),

	REPORTING("reporting-service", 8083),

	NOTIFICATION("notification-service", 8084);

	private final String moduleName;

	private final int defaultPort;

	StackService(String moduleName, int defaultPort) {
		this.moduleName = moduleName;
		this.defaultPort = defaultPort;
	}

	public String moduleName() {
		return this.moduleName;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	public Path jar(Path projectRoot) {
		return projectRoot.resolve(this.moduleName).resolve("target").resolve(this.moduleName + ".jar");
	}

}
