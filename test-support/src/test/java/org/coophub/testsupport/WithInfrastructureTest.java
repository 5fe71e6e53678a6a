package org.coophub.testsupport;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs wherever the tests run: in-JVM servers without Docker, containers with it.
 */
@SpringBootTest(classes = WithInfrastructureTest.Application.class)
@WithInfrastructure
class WithInfrastructureTest {

	@Autowired
	Environment environment;

	final TestInfrastructure infrastructure = TestInfrastructure.get();

	@Test
	void choosesContainersOnlyWhereDockerRuns() {
		assertThat(this.infrastructure.usingContainers()).isEqualTo(DockerClientFactory.instance().isDockerAvailable());
		assertThat(this.infrastructure.embeddedKafka().isPresent()).isNotEqualTo(this.infrastructure.usingContainers());
	}

	@Test
	void givesTheContextTheSharedInfrastructure() {
		assertThat(this.environment.getProperty("spring.kafka.bootstrap-servers"))
			.isEqualTo(this.infrastructure.kafkaBootstrapServers());
		assertThat(this.environment.getProperty("spring.mongodb.uri")).isEqualTo(this.infrastructure.mongoUri());
		assertThat(this.environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
		assertThat(this.environment.getProperty("spring.mail.port", Integer.class))
			.isEqualTo(this.infrastructure.mail().smtpPort());
	}

	@Test
	void kafkaCarriesCloudEvents() throws Exception {
		new InfrastructureChecks(this.environment).kafkaCarriesACloudEvent();
	}

	@Test
	void mongoStoresVietnameseText() {
		new InfrastructureChecks(this.environment).mongoStoresVietnameseText();
	}

	@Test
	void smtpCapturesMail() throws Exception {
		new InfrastructureChecks(this.environment).smtpCapturesMail();
	}

	@SpringBootConfiguration
	static class Application {

	}

}
