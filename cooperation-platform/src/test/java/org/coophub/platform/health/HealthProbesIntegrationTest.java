package org.coophub.platform.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;

import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness means the service can work: it asks MongoDB and Kafka; liveness asks neither,
 * so an outage of either makes the service unready, never restarted (docs/operations.md,
 * "Readiness").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=health-test", "spring.mongodb.database=health-test" })
@WithInfrastructure
class HealthProbesIntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void readinessAsksMongoAndKafka() {
		JsonNode readiness = health("/actuator/health/readiness");
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "mongo",
				"kafka");
		assertThat(readiness.at("/components/kafka/status").asString()).isEqualTo("UP");
		assertThat(readiness.at("/components/kafka/details/nodes").asInt()).isEqualTo(1);
		assertThat(readiness.at("/components/mongo/status").asString()).isEqualTo("UP");
	}

	@Test
	void kafkaIsDownWithinItsTimeoutWhereNoBrokerAnswers() throws IOException {
		int nobody;
		try (ServerSocket socket = new ServerSocket(0)) {
			nobody = socket.getLocalPort();
		}
		KafkaClusterHealthIndicator kafka = new KafkaClusterHealthIndicator(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + nobody), Duration.ofSeconds(1));
		try {
			long started = System.nanoTime();
			Health health = kafka.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		}
		finally {
			kafka.destroy();
		}
	}

	@Test
	void livenessAsksNeither() {
		JsonNode liveness = health("/actuator/health/liveness");
		assertThat(liveness.get("status").asString()).isEqualTo("UP");
		assertThat(List.copyOf(liveness.get("components").propertyNames())).containsExactly("livenessState");
	}

	@Test
	void withoutATokenTheProbesSayOnlyUpOrDown() {
		String readiness = ServiceClients.anonymous(this.port)
			.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(this.json.readTree(readiness).propertyNames()).containsExactly("status");
	}

	private JsonNode health(String path) {
		String body = ServiceClients.asAdmin(this.port)
			.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return this.json.readTree(body);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class HealthTestApplication {

	}

}
