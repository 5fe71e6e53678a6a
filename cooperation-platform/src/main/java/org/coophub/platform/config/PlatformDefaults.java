package org.coophub.platform.config;

import java.io.IOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the settings every service shares (delivery guarantees, dead letters, actuator)
 * with the lowest precedence, so a service's own application.yml or the environment can
 * override them and no service has to repeat them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	static final String LOCATION = "coophub-platform-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("coophubPlatformDefaults", new ClassPathResource(LOCATION)));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + LOCATION, ex);
		}
	}

}
