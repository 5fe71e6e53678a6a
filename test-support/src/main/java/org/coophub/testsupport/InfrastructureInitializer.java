package org.coophub.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test's application context at the shared test infrastructure, starting it on
 * first use. Used through {@link WithInfrastructure}.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		TestPropertyValues.of(infrastructure.springProperties()).applyTo(context);
		infrastructure.stopAfter(context);
	}

}
