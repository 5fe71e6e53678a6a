package org.coophub.workspace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The staff's workspace and the one front door of the system (docs/security.md,
 * "Workspace (front door)"): serves the pages, signs users in through identity-service
 * and relays their access token to each service's API under one origin.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkspaceApplication {

	public static void main(String[] args) {
		SpringApplication.run(WorkspaceApplication.class, args);
	}

}
