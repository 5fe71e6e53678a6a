package org.coophub.testsupport;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same checks against Kafka and MongoDB in containers; skipped where no Docker engine
 * runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = ContainerInfrastructureTest.Application.class)
@WithInfrastructure
class ContainerInfrastructureTest {

	@Autowired
	Environment environment;

	@Test
	void runsKafkaAndMongoInContainers() throws Exception {
		assertThat(TestInfrastructure.get().usingContainers()).isTrue();
		InfrastructureChecks checks = new InfrastructureChecks(this.environment);
		checks.kafkaCarriesACloudEvent();
		checks.mongoStoresVietnameseText();
		checks.smtpCapturesMail();
	}

	@SpringBootConfiguration
	static class Application {

	}

}
