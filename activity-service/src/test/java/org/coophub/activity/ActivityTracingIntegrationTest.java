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
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TopicProbe;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The activity's history names the trace of the request that recorded it, and the event
 * the request published carries the same trace (docs/operations.md, "Tracing").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ActivityTracingIntegrationTest {

	/** The trace a caller's request arrives in. */
	static final String TRACE_ID = "5b8aa5a2d2c872e8321cf37308d69df2";

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theHistoryAndTheEventCarryTheTraceOfTheRequestThatRecordedTheActivity() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String hcm = "org-hcm-" + run;
		String ld = "org-ld-" + run;
		String agreementId = "agr-" + run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), hcm, 1,
				organization(hcm, "HCM-" + run)));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), ld, 1,
				organization(ld, "LD-" + run)));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				new AgreementState(agreementId, "IT-" + run, new LocalizedText("Chương trình hợp tác", null),
						List.of(new Party(ld, PartyRole.LEAD), new Party(hcm, PartyRole.PARTNER)),
						LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), LocalDate.of(2029, 12, 31),
						"Asia/Ho_Chi_Minh", List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
						new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(hcm, ld), hcm, List.of(30, 7, 1)))));
		await().until(() -> this.mongo.findById(agreementId, org.bson.Document.class, "known_agreements") != null
				&& this.mongo.findById(ld, org.bson.Document.class, "known_organizations") != null
				&& this.mongo.findById(hcm, org.bson.Document.class, "known_organizations") != null);

		try (TopicProbe activityEvents = TopicProbe.fromLatest(Topics.ACTIVITY_EVENTS)) {
			JsonNode recorded = this.json.readTree(ServiceClients.asAdmin(this.port)
				.post()
				.uri("/api/v1/activities")
				.header("traceparent", "00-" + TRACE_ID + "-a2fb4a1d1a96d312-01")
				.contentType(MediaType.APPLICATION_JSON)
				.body("""
						{"agreementId":"%s","type":"INVESTMENT_PROMOTION_CONFERENCE",
						 "title":{"vi":"Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng","en":"Investment promotion conference"},
						 "startsAt":"2012-05-18T08:00:00","endsAt":"2012-05-18T17:00:00",
						 "location":{"province":"TP. Hồ Chí Minh","venue":"Trung tâm Hội nghị"},
						 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"PLANNED"}
						"""
					.formatted(agreementId, hcm, ld))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody()
				.returnResult()
				.getResponseBody());
			String id = recorded.get("id").asString();

			ConsumerRecord<String, String> event = activityEvents
				.awaitRecord((r) -> agreementId.equals(r.key()) && id.equals(TopicProbe.header(r, "ce_subject")));
			assertThat(TopicProbe.header(event, "traceparent")).startsWith("00-" + TRACE_ID + "-");

			JsonNode history = this.json.readTree(ServiceClients.asAdmin(this.port)
				.get()
				.uri("/api/v1/activities/{id}/history", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody());
			assertThat(history.findValuesAsString("change")).containsExactly("RECORDED");
			assertThat(history.findValuesAsString("traceId")).containsExactly(TRACE_ID);
		}
	}

	private static OrganizationState organization(String id, String code) {
		return new OrganizationState(id, code, new LocalizedText("Ban Quản lý " + code, null),
				"INDUSTRIAL_ZONE_AUTHORITY", "Lâm Đồng", List.of(), List.of(), true);
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

}
