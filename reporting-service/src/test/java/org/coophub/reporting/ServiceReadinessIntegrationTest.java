package org.coophub.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations JSON shows each service's readiness as the service's own probe says it,
 * and its outbox backlog and parked records as its own metrics say them, read with the
 * caller's token: this reporting-service, ready with the real MongoDB and Kafka, and a
 * service nobody answers for (docs/operations.md, "Readiness").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@WithInfrastructure
class ServiceReadinessIntegrationTest {

	static final int PORT = freePort();

	static final int NOBODY = freePort();

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("coophub.operations.services.reporting", () -> "http://127.0.0.1:" + PORT);
		registry.add("coophub.operations.services.notification", () -> "http://127.0.0.1:" + NOBODY);
	}

	@Test
	void eachServicesReadinessIsInThePipelineJson() {
		JsonNode pipeline = this.json.readTree(ServiceClients.asAdmin(PORT)
			.get()
			.uri("/api/v1/dashboard/pipeline")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());

		JsonNode services = pipeline.get("services");
		assertThat(status(services, "reporting")).as("itself, with MongoDB and Kafka up").isEqualTo("UP");
		assertThat(status(services, "notification")).as("nothing listens there").isEqualTo("UNREACHABLE");
		JsonNode reporting = service(services, "reporting");
		assertThat(reporting.path("outboxBacklog").isNumber())
			.as("its coophub.outbox.backlog metric, read with the" + " caller's token: " + reporting)
			.isTrue();
		assertThat(reporting.get("outboxBacklog").asLong()).as("the same outboxes counted here")
			.isEqualTo(pipeline.get("outboxBacklog").asLong());
		assertThat(reporting.path("parkedEvents").isNumber()).as("its coophub.events.parked metric: " + reporting)
			.isTrue();
		JsonNode nobody = service(services, "notification");
		assertThat(nobody.path("outboxBacklog").isNumber()).as("not known: " + nobody).isFalse();
		assertThat(nobody.path("parkedEvents").isNumber()).isFalse();
	}

	private static String status(JsonNode services, String service) {
		return service(services, service).get("status").asString();
	}

	private static JsonNode service(JsonNode services, String service) {
		for (JsonNode readiness : services) {
			if (readiness.get("service").asString().equals(service)) {
				return readiness;
			}
		}
		throw new AssertionError("No readiness of " + service + " in " + services);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
