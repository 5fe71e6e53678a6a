package org.coophub.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.coophub.events.DomainEvent;
import org.coophub.events.Topics;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TopicProbe;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * activity-service validates against the agreements it learned from agreement-events and
 * publishes what it records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
public class ActivityRecordingIntegrationTest {

	public static final String LD = "org-ld";

	public static final String HCM = "org-hcm";

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	RestTestClient http;

	TopicProbe activityEvents;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		// from the latest offset: the CSV tests fill the topic with thousands of records
		this.activityEvents = TopicProbe.fromLatest(Topics.ACTIVITY_EVENTS);
	}

	@AfterEach
	void tearDown() {
		this.activityEvents.close();
	}

	@Test
	void aConferenceUnderAKnownActiveAgreementIsStoredAndPublishedKeyedByAgreement() {
		String agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				agreement(agreementId, AgreementStatus.ACTIVE)));

		JsonNode recorded = await().until(() -> postConference(agreementId), (r) -> r.status() == 201).body();

		String activityId = recorded.get("id").asString();
		ConsumerRecord<String, String> record = this.activityEvents.awaitRecord((r) -> r.value().contains(activityId));
		assertThat(record.key()).isEqualTo(agreementId);
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("version").asLong()).isEqualTo(1);
		assertThat(event.at("/activity/title/vi").asString())
			.isEqualTo("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng");
		assertThat(event.at("/activity/outcomes/registeredCapital/currency").asString()).isEqualTo("VND");
		assertThat(event.at("/activity/outcomes/investorsAttending").asInt()).isEqualTo(120);
	}

	@Test
	void anAgreementNotKnownYetIsRefusedAndNothingIsStoredUntilItsEventArrives() {
		String agreementId = UUID.randomUUID().toString();

		Response response = postConference(agreementId);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body().get("detail").asString()).contains("not known yet");
		assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("agreementId");
		assertThat(this.mongo.count(Query.query(Criteria.where("agreementId").is(agreementId)), "activities")).isZero();

		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				agreement(agreementId, AgreementStatus.ACTIVE)));
		await().until(() -> postConference(agreementId), (r) -> r.status() == 201);
		assertThat(this.mongo.count(Query.query(Criteria.where("agreementId").is(agreementId)), "activities")).isOne();
	}

	@Test
	void aDraftAgreementTakesNoActivitiesUntilActivated() {
		String agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 1,
				agreement(agreementId, AgreementStatus.DRAFT)));
		await().until(() -> postConference(agreementId).status() == 422
				&& this.mongo.findById(agreementId, org.bson.Document.class, "known_agreements") != null);
		assertThat(postConference(agreementId).body().get("detail").asString()).contains("DRAFT");

		publish(new AgreementStatusChanged(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				agreement(agreementId, AgreementStatus.ACTIVE)));
		Response accepted = await().until(() -> postConference(agreementId), (r) -> r.status() == 201);

		assertThat(accepted.body().get("agreementId").asString()).isEqualTo(agreementId);
	}

	@Test
	void aHostWhoIsNotAPartyIsRefused() {
		String agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				agreement(agreementId, AgreementStatus.ACTIVE)));
		await().until(() -> postConference(agreementId), (r) -> r.status() == 201);

		Response response = post(conference(agreementId).replace("\"hostOrganizationId\":\"" + HCM + "\"",
				"\"hostOrganizationId\":\"org-elsewhere\""));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("hostOrganizationId");
	}

	@Test
	void completingAPlannedActivityNeedsItsCurrentVersionAndPublishesTheCompletion() {
		String agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				agreement(agreementId, AgreementStatus.ACTIVE)));
		Response planned = await().until(
				() -> post(conference(agreementId).replace("\"status\":\"COMPLETED\"", "\"status\":\"PLANNED\"")),
				(r) -> r.status() == 201);
		String id = planned.body().get("id").asString();

		assertThat(command(id, "complete", null, "{}").status()).isEqualTo(428);
		assertThat(command(id, "complete", "\"7\"", "{}").status()).isEqualTo(412);
		Response completed = command(id, "complete", "\"1\"", "{\"outcomes\":{\"investorsAttending\":95}}");

		assertThat(completed.status()).isEqualTo(200);
		assertThat(completed.body().get("status").asString()).isEqualTo("COMPLETED");
		ConsumerRecord<String, String> record = this.activityEvents
			.awaitRecord((r) -> r.value().contains(id) && r.value().contains("\"version\":2"));
		assertThat(TopicProbe.headers(record)).containsEntry("ce_type", "org.coophub.activity.completed.v1");
		assertThat(this.json.readTree(record.value()).at("/activity/outcomes/investorsAttending").asInt())
			.isEqualTo(95);
		assertThat(command(id, "cancel", "\"2\"", null).status()).isEqualTo(409);
	}

	@Test
	void aCancellationSaysWhyAndTheActivityKeepsIt() {
		String agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				agreement(agreementId, AgreementStatus.ACTIVE)));
		Response planned = await().until(
				() -> post(conference(agreementId).replace("\"status\":\"COMPLETED\"", "\"status\":\"PLANNED\"")),
				(r) -> r.status() == 201);
		String id = planned.body().get("id").asString();

		Response cancelled = command(id, "cancel", "\"1\"", "{\"note\":\"Không đủ đại biểu, dời sang quý sau\"}");

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(getJson("/api/v1/activities/" + id).get("cancellationNote").asString())
			.isEqualTo("Không đủ đại biểu, dời sang quý sau");
		org.bson.Document stored = this.mongo.findById(id, org.bson.Document.class, "activities");
		assertThat(stored.getString("cancellationNote")).isEqualTo("Không đủ đại biểu, dời sang quý sau");
	}

	@Test
	void partnersAreNotifiedByDefaultAndHistoryRecordedWithoutNoticeKeepsSayingSo() {
		String agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				agreement(agreementId, AgreementStatus.ACTIVE)));
		Response usual = await().until(() -> postConference(agreementId), (r) -> r.status() == 201);
		Response history = post(conference(agreementId).replace("\"status\":\"COMPLETED\"",
				"\"status\":\"PLANNED\",\"notifyPartners\":false"));
		assertThat(history.status()).isEqualTo(201);
		String usualId = usual.body().get("id").asString();
		String historyId = history.body().get("id").asString();

		assertThat(usual.body().get("notifyPartners").asBoolean()).isTrue();
		assertThat(history.body().get("notifyPartners").asBoolean()).isFalse();
		assertThat(getJson("/api/v1/activities/" + historyId).get("notifyPartners").asBoolean()).isFalse();
		assertThat(this.json.readTree(this.activityEvents.awaitRecord((r) -> r.value().contains(usualId)).value())
			.at("/activity/notifyPartners")
			.asBoolean()).isTrue();
		assertThat(this.json.readTree(this.activityEvents.awaitRecord((r) -> r.value().contains(historyId)).value())
			.at("/activity/notifyPartners")
			.asBoolean()).isFalse();

		Response completed = command(historyId, "complete", "\"1\"", "{}");
		assertThat(completed.body().get("notifyPartners").asBoolean()).as("a later change keeps it").isFalse();
		ConsumerRecord<String, String> completion = this.activityEvents
			.awaitRecord((r) -> r.value().contains(historyId) && r.value().contains("\"version\":2"));
		assertThat(this.json.readTree(completion.value()).at("/activity/notifyPartners").asBoolean()).isFalse();
		org.bson.Document stored = this.mongo.findById(historyId, org.bson.Document.class, "activities");
		assertThat(stored.get("details", org.bson.Document.class).getBoolean("notifyPartners")).isFalse();
	}

	private JsonNode getJson(String uri) {
		return this.json.readTree(this.http.get().uri(uri).exchange().expectBody().returnResult().getResponseBody());
	}

	private Response command(String id, String action, String ifMatch, String body) {
		var result = this.http.post().uri("/api/v1/activities/{id}/{action}", id, action).headers((headers) -> {
			if (ifMatch != null) {
				headers.setIfMatch(ifMatch);
			}
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body((body != null) ? body : "")
			.exchange()
			.expectBody()
			.returnResult();
		return new Response(result.getStatus().value(), this.json.readTree(result.getResponseBody()));
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	private Response postConference(String agreementId) {
		return post(conference(agreementId));
	}

	private Response post(String body) {
		var result = this.http.post()
			.uri("/api/v1/activities")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectBody()
			.returnResult();
		HttpStatus status = HttpStatus.valueOf(result.getStatus().value());
		return new Response(status.value(), this.json.readTree(result.getResponseBody()));
	}

	public static AgreementState agreement(String id, AgreementStatus status) {
		return new AgreementState(id, "IT-" + id, new LocalizedText("Chương trình hợp tác", null),
				List.of(new Party(LD, PartyRole.LEAD), new Party(HCM, PartyRole.PARTNER)), LocalDate.of(2009, 10, 15),
				LocalDate.of(2009, 10, 15), LocalDate.of(2029, 12, 31), "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), status, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(HCM, LD), HCM, List.of(30, 7, 1)));
	}

	static String conference(String agreementId) {
		return """
				{"agreementId":"%s","type":"INVESTMENT_PROMOTION_CONFERENCE",
				 "title":{"vi":"Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng","en":"Investment promotion conference"},
				 "startsAt":"2012-05-18T08:00:00","endsAt":"2012-05-18T17:00:00",
				 "location":{"province":"TP. Hồ Chí Minh","venue":"Trung tâm Hội nghị"},
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"COMPLETED",
				 "outcomes":{"investorsAttending":120,"enterprisesAttending":45,"mousSigned":3,
				   "registeredCapital":{"amount":350000000000,"currency":"VND"}}}
				""".formatted(agreementId, HCM, LD);
	}

	record Response(int status, JsonNode body) {
	}

}
