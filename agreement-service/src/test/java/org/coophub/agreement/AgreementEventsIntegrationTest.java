package org.coophub.agreement;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.coophub.events.Topics;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every change reaches Kafka as a CloudEvent with the aggregate's full state, its version
 * and the right key, and leaves no outbox entry behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class AgreementEventsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	RestTestClient http;

	TopicProbe agreementEvents;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		this.agreementEvents = TopicProbe.subscribe(Topics.AGREEMENT_EVENTS);
	}

	@AfterEach
	void tearDown() {
		this.agreementEvents.close();
	}

	@Test
	void registeringAnOrganizationPublishesItsFullStateAsACloudEvent() {
		JsonNode board = post("/api/v1/organizations", organization("IT-LD-1", "Ban Quản lý các KCN tỉnh Lâm Đồng"));
		String id = board.get("id").asString();

		ConsumerRecord<String, String> record = this.agreementEvents.awaitRecord((r) -> id.equals(r.key()));

		assertThat(headers(record)).containsEntry("ce_type", "org.coophub.organization.registered.v1")
			.containsEntry("ce_source", "/coophub/agreement-service")
			.containsEntry("ce_specversion", "1.0")
			.containsEntry("ce_subject", id)
			.containsEntry("content-type", "application/json")
			.containsKeys("ce_id", "ce_time");
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("eventId").asString()).isEqualTo(headers(record).get("ce_id"));
		assertThat(event.get("version").asLong()).isEqualTo(1);
		assertThat(event.at("/organization/name/vi").asString()).isEqualTo("Ban Quản lý các KCN tỉnh Lâm Đồng");
		assertThat(event.at("/organization/contacts/0/email").asString()).isEqualTo("vanphong@it-ld-1.example");
		await().until(() -> outboxOf("organizations", id).isEmpty());
	}

	@Test
	void creatingAndActivatingAnAgreementPublishesTwoVersionsKeyedByAgreement() {
		String ld = post("/api/v1/organizations", organization("IT-LD-2", "Lâm Đồng")).get("id").asString();
		String hcm = post("/api/v1/organizations", organization("IT-HCM-2", "TP.HCM")).get("id").asString();
		String agreement = post("/api/v1/agreements", agreement("IT-CTHT-2", ld, hcm)).get("id").asString();
		new JsonApi(this.http, this.json).activate(agreement);

		ConsumerRecord<String, String> created = this.agreementEvents
			.awaitRecord((r) -> agreement.equals(r.key()) && typeOf(r).endsWith("agreement.created.v1"));
		ConsumerRecord<String, String> activated = this.agreementEvents
			.awaitRecord((r) -> agreement.equals(r.key()) && typeOf(r).endsWith("agreement.status-changed.v1"));

		assertThat(this.json.readTree(created.value()).get("version").asLong()).isEqualTo(1);
		assertThat(this.json.readTree(created.value()).at("/agreement/status").asString()).isEqualTo("DRAFT");
		JsonNode active = this.json.readTree(activated.value());
		assertThat(active.get("version").asLong()).as("after both parties' acceptance").isEqualTo(4);
		assertThat(active.at("/agreement/status").asString()).isEqualTo("ACTIVE");
		assertThat(active.at("/agreement/reviewPolicy/hostRotation/0").asString()).isEqualTo(hcm);
		assertThat(active.at("/agreement/reviewPolicy/reminderLeadDays").toString()).isEqualTo("[30,7,1]");
		assertThat(created.partition()).isEqualTo(activated.partition());
		assertThat(activated.offset()).isGreaterThan(created.offset());
	}

	@Test
	void aRefusedAgreementIsNeitherStoredNorPublished() {
		String ld = post("/api/v1/organizations", organization("IT-LD-3", "Lâm Đồng")).get("id").asString();
		long before = this.mongo.getCollection("agreements").countDocuments();

		this.http.post()
			.uri("/api/v1/agreements")
			.contentType(MediaType.APPLICATION_JSON)
			.body(agreement("IT-CTHT-3", ld, "no-such-organization"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("no-such-organization"));

		assertThat(this.mongo.getCollection("agreements").countDocuments()).isEqualTo(before);
		String sentinel = post("/api/v1/organizations", organization("IT-LD-3B", "Lâm Đồng")).get("id").asString();
		this.agreementEvents.awaitRecord((r) -> sentinel.equals(r.key()));
		assertThat(this.agreementEvents.received()).noneMatch((r) -> r.value().contains("IT-CTHT-3"));
	}

	private JsonNode post(String path, String body) {
		byte[] response = this.http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.json.readTree(response);
	}

	private java.util.List<?> outboxOf(String collection, String id) {
		org.bson.Document document = this.mongo.findById(id, org.bson.Document.class, collection);
		return document.getList("outbox", Object.class);
	}

	static String organization(String code, String name) {
		return """
				{"code":"%s","name":{"vi":"%s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
				 "contacts":[{"name":"Văn phòng","email":"vanphong@%s.example","language":"vi"}]}
				""".formatted(code, name, code.toLowerCase());
	}

	static String agreement(String code, String lead, String partner) {
		return """
				{"code":"%s","title":{"vi":"Chương trình hợp tác %s","en":"Cooperation program %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2029-12-31","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, code, code, lead, partner, partner, lead, partner);
	}

	private static String typeOf(ConsumerRecord<String, String> record) {
		return headers(record).getOrDefault("ce_type", "");
	}

	private static Map<String, String> headers(ConsumerRecord<String, String> record) {
		Map<String, String> headers = new java.util.HashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		return headers;
	}

}
