package org.coophub.workspace.platform;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Leaves out every auto-configuration of cooperation-platform. The workspace uses the
 * platform only for its types (the required secret's check and its one-line refusal, the
 * one {@code Role}); the platform's runtime (outbox, Kafka, MongoDB, the services'
 * resource-server security) is not for a front door without a database, and its
 * dependencies are not even on the class path. A filter rather than
 * {@code spring.autoconfigure.exclude}, so an auto-configuration added to the platform
 * later stays out too.
 */
class PlatformAutoConfigurationFilter implements AutoConfigurationImportFilter {

	static final String PLATFORM_PACKAGE = "org.coophub.platform.";

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			// null entries are ones an earlier filter already removed
			String candidate = autoConfigurationClasses[i];
			matches[i] = candidate == null || !candidate.startsWith(PLATFORM_PACKAGE);
		}
		return matches;
	}

}
