package org.coophub.platform.secret;

import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a service whose connection secrets are still the example file's
 * placeholders ("change me"), before anything connects with them: a service that signed
 * in to MongoDB, Kafka or SMTP with a published password would run in a deployment where
 * anyone can do the same. Settings that are absent are left to the service (the local
 * stack runs without passwords); the secrets a service cannot run without are checked
 * where they are used ({@link RequiredSecret#check}).
 */
public class PlaceholderSecrets implements EnvironmentPostProcessor, Ordered {

	/** Every setting that carries a password, alone or inside a URI or JAAS line. */
	static final List<String> PROPERTIES = List.of("spring.mongodb.uri", "spring.mongodb.password",
			"spring.data.mongodb.uri", "spring.kafka.properties.sasl.jaas.config",
			"spring.cloud.stream.kafka.binder.configuration.sasl.jaas.config", "spring.mail.password",
			"coophub.reports.link-key");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		for (String property : PROPERTIES) {
			String value = environment.getProperty(property);
			if (value != null && RequiredSecret.isPlaceholder(value)) {
				throw new RefusedConfigurationException(property, "is still a placeholder (\"change me\")");
			}
		}
	}

	@Override
	public int getOrder() {
		// after the configuration files and the environment are read
		return Ordered.LOWEST_PRECEDENCE;
	}

}
