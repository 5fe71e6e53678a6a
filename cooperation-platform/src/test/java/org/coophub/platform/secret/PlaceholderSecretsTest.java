package org.coophub.platform.secret;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceholderSecretsTest {

	private final PlaceholderSecrets check = new PlaceholderSecrets();

	@Test
	void aMongoUriWithTheExampleFilesPasswordIsRefusedNamingTheProperty() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.mongodb.uri",
				"mongodb://agreement-service:changeMeMongoAgreement1@mongo:27017/agreements");
		assertThatThrownBy(() -> this.check.postProcessEnvironment(environment, new SpringApplication()))
			.isInstanceOf(RefusedConfigurationException.class)
			.hasMessage("spring.mongodb.uri is still a placeholder (\"change me\")")
			.hasMessageNotContaining("changeMeMongoAgreement1");
	}

	@Test
	void aKafkaJaasLineWithAPlaceholderPasswordIsRefused() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.kafka.properties.sasl.jaas.config",
				"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"activity-service\" "
						+ "password=\"changeMeActivity1\";");
		assertThatThrownBy(() -> this.check.postProcessEnvironment(environment, new SpringApplication()))
			.isInstanceOf(RefusedConfigurationException.class)
			.hasMessageStartingWith("spring.kafka.properties.sasl.jaas.config");
	}

	@Test
	void aReportLinkKeyLeftAtThePlaceholderIsRefused() {
		MockEnvironment environment = new MockEnvironment().withProperty("coophub.reports.link-key",
				"change-me-report-link-key");
		assertThatThrownBy(() -> this.check.postProcessEnvironment(environment, new SpringApplication()))
			.isInstanceOf(RefusedConfigurationException.class)
			.hasMessageStartingWith("coophub.reports.link-key");
	}

	@Test
	void realSecretsAndAbsentOnesPass() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.mongodb.uri", "mongodb://agreement-service:Xq93kLm2Tz@mongo:27017/agreements")
			.withProperty("spring.mail.password", "p4ssw0rd-of-our-own");
		assertThatCode(() -> this.check.postProcessEnvironment(environment, new SpringApplication()))
			.doesNotThrowAnyException();
	}

}
