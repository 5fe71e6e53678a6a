package org.coophub.reporting;

import java.time.Instant;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.Topics;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the projections from the topics, and the pipeline's health as Kafka tells
 * it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class OperationsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	RestTestClient http;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
	}

	@Test
	void aRebuildReplaysTheTopicsIntoFreshCollectionsAndSwitchesOver() {
		String agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 1,
				DashboardTestData.agreement(agreementId)));
		for (int i = 1; i <= 2; i++) {
			publish(new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), "act-" + i + "-" + agreementId, 1,
					DashboardTestData.conference(agreementId, "act-" + i + "-" + agreementId, 10 * i, "1000")));
		}
		await().until(() -> dashboard(agreementId), (d) -> d != null && d.get("activityCount").asInt() == 2);
		JsonNode before = state();
		String activeCollection = collection(before.get("active").asInt());
		// lose the projection, as if its database had been wiped
		this.mongo.remove(Query.query(Criteria.where("_id").is(agreementId)), activeCollection);
		this.mongo.remove(Query.query(Criteria.where("_id").is(agreementId)), portfolio(before.get("active").asInt()));
		assertThat(dashboard(agreementId)).isNull();

		JsonNode result = this.json.readTree(this.http.post()
			.uri("/api/v1/admin/projections:rebuild")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());

		assertThat(result.get("generation").asInt()).isGreaterThan(before.get("active").asInt());
		assertThat(result.get("records").asLong()).isGreaterThanOrEqualTo(3);
		JsonNode rebuilt = dashboard(agreementId);
		assertThat(rebuilt).isNotNull();
		assertThat(rebuilt.get("activityCount").asInt()).isEqualTo(2);
		assertThat(rebuilt.at("/conferenceTotals/investorsAttending").asInt()).isEqualTo(30);
		assertThat(this.mongo.collectionExists(activeCollection)).as("the old generation is dropped").isFalse();
		assertThat(this.mongo.collectionExists(portfolio(before.get("active").asInt())))
			.as("its portfolio summaries too")
			.isFalse();
		assertThat(state().get("active").asInt()).isEqualTo(result.get("generation").asInt());
		String report = this.http.get()
			.uri("/api/v1/agreements/{id}/reports/2012?lang=en", agreementId)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(report).as("the agreement's versions are rebuilt too, which reports are computed from")
			.contains("Computed from: agreement version 1")
			.contains("2 activities of the period");

		publish(new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), "act-3-" + agreementId, 1,
				DashboardTestData.conference(agreementId, "act-3-" + agreementId, 5, "1000")));
		await().until(() -> dashboard(agreementId), (d) -> d != null && d.get("activityCount").asInt() == 3);
	}

	@Test
	void pipelineHealthShowsLagPerGroupAndTopicAndCountsDeadLetters() {
		this.events.send(new OutboxEntry(UUID.randomUUID().toString(), "org.coophub.nothing-known.v1",
				Topics.ACTIVITY_EVENTS, "poison-" + UUID.randomUUID(), "poison", Instant.now(), "{}", null));
		// the dead-letter topic may show before its record is counted: wait for both
		JsonNode health = await().until(this::pipeline, OperationsIntegrationTest::deadLetterCounted);
		assertThat(deadLetterCounted(health)).isTrue();
		assertThat(health.get("consumerLag").findValuesAsString("group")).contains("reporting-service");
		assertThat(health.get("consumerLag").findValuesAsString("topic")).contains(Topics.ACTIVITY_EVENTS);
		assertThat(health.get("outboxBacklog").asLong()).isGreaterThanOrEqualTo(0);
	}

	private static boolean deadLetterCounted(JsonNode health) {
		boolean counted = false;
		for (JsonNode topic : health.get("deadLetters")) {
			if (topic.get("topic").asString().equals("error.activity-events.reporting-service")) {
				counted = topic.get("records").asLong() >= 1;
			}
		}
		return counted;
	}

	private JsonNode pipeline() {
		return this.json.readTree(this.http.get()
			.uri("/api/v1/dashboard/pipeline")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	private JsonNode state() {
		org.bson.Document state = this.mongo.findById("dashboards", org.bson.Document.class, "projection_state");
		return this.json.readTree((state != null) ? "{\"active\":" + state.get("active") + "}" : "{\"active\":0}");
	}

	private static String portfolio(int generation) {
		return (generation == 0) ? "portfolio" : "portfolio_" + generation;
	}

	private static String collection(int generation) {
		return (generation == 0) ? "agreement_dashboards" : "agreement_dashboards_" + generation;
	}

	private JsonNode dashboard(String agreementId) {
		var result = this.http.get()
			.uri("/api/v1/dashboard/agreements/{id}", agreementId)
			.exchange()
			.expectBody()
			.returnResult();
		return result.getStatus().is2xxSuccessful() ? this.json.readTree(result.getResponseBody()) : null;
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

}
