package org.coophub.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code /actuator/clock} on a real server with the platform's security: an ADMIN moves
 * the service's clock forward, never back; others may only read it; and a token valid by
 * the machine's time is still accepted when the service's clock is a month ahead (its
 * expiry is checked against the machine's time).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "coophub.clock.adjustable=true", "spring.application.name=clock-test",
				"spring.mongodb.database=clock-test" })
@WithInfrastructure
class ClockEndpointIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anAdminMovesTheClockForwardAndTokensStillWork() {
		Duration before = ((AdjustableClock) this.clock).offset();
		JsonNode moved = move(ServiceClients.asAdmin(this.port), "{\"advanceBy\":\"P30D\"}", 200);
		assertThat(Duration.parse(moved.get("offset").asString())).isEqualTo(before.plusDays(30));
		assertThat(this.clock.instant()).isCloseTo(Instant.now().plus(before).plusSeconds(30 * 86400L),
				within(Duration.ofSeconds(10)));

		// a token issued now, valid 15 minutes by the machine's time, is a month expired
		// by
		// the service's clock: still accepted
		String viewer = TestInfrastructure.get().identity().token("viewer", "VIEWER", null);
		JsonNode read = read(ServiceClients.as(this.port, viewer));
		assertThat(Duration.parse(read.get("offset").asString())).isEqualTo(before.plusDays(30));
		assertThat(Instant.parse(read.get("now").asString()))
			.isAfter(Instant.parse(read.get("realNow").asString()).plus(Duration.ofDays(29)));

		JsonNode set = move(ServiceClients.asAdmin(this.port), "{\"offset\":\"" + before.plusDays(31) + "\"}", 200);
		assertThat(Duration.parse(set.get("offset").asString())).isEqualTo(before.plusDays(31));
	}

	@Test
	void theClockNeverGoesBack() {
		RestTestClient admin = ServiceClients.asAdmin(this.port);
		move(admin, "{\"advanceBy\":\"PT1H\"}", 200);
		Duration offset = ((AdjustableClock) this.clock).offset();
		assertProblem(admin, "{\"advanceBy\":\"-PT1H\"}", 422, "advanceBy");
		assertProblem(admin, "{\"offset\":\"PT0S\"}", 422, "offset");
		assertProblem(admin, "{\"to\":\"2012-11-06T01:00:00Z\"}", 422, "to");
		assertProblem(admin, "{\"advanceBy\":\"thirty days\"}", 422, "advanceBy");
		assertProblem(admin, "{\"advanceBy\":\"P1D\",\"offset\":\"P40D\"}", 422, "advanceBy");
		assertThat(((AdjustableClock) this.clock).offset()).isEqualTo(offset);
	}

	@Test
	void onlyAnAdminMovesIt() {
		Duration offset = ((AdjustableClock) this.clock).offset();
		String editor = TestInfrastructure.get().identity().token("hcm-editor", "EDITOR", "BQL-HCM");
		ServiceClients.as(this.port, editor)
			.post()
			.uri("/actuator/clock")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"advanceBy\":\"P30D\"}")
			.exchange()
			.expectStatus()
			.isForbidden();
		ServiceClients.anonymous(this.port)
			.post()
			.uri("/actuator/clock")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"advanceBy\":\"P30D\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		ServiceClients.anonymous(this.port).get().uri("/actuator/clock").exchange().expectStatus().isUnauthorized();
		assertThat(((AdjustableClock) this.clock).offset()).isEqualTo(offset);
	}

	private JsonNode move(RestTestClient client, String body, int status) {
		String answer = client.post()
			.uri("/actuator/clock")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return this.json.readTree(answer);
	}

	private JsonNode read(RestTestClient client) {
		return this.json.readTree(client.get()
			.uri("/actuator/clock")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private void assertProblem(RestTestClient client, String body, int status, String field) {
		client.post()
			.uri("/actuator/clock")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ClockTestApplication {

	}

}
