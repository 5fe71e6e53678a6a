package org.coophub.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test's application context at the shared test infrastructure.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		TestPropertyValues
			.of("spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
					"spring.mongodb.uri=" + infrastructure.mongoUri(), "spring.mail.host=127.0.0.1",
					"spring.mail.port=" + infrastructure.mail().port())
			.applyTo(context);
	}

}
