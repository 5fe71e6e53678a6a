package org.coophub.agreement.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.coophub.agreement.JsonApi;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every kind of change agreement-service makes reaches Kafka as a CloudEvent (binary
 * mode) with all its headers, keyed by the agreement (or organization) id, with the
 * aggregate's next version, and with a value that matches the event type's JSON Schema
 * from cooperation-events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class AgreementCloudEventsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	AgreementExpiry expiry;

	RestTestClient http;

	TopicProbe events;

	private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		this.events = TopicProbe.subscribe(Topics.AGREEMENT_EVENTS);
	}

	@AfterEach
	void tearDown() {
		this.events.close();
	}

	@Test
	void everyChangeOfAnOrganizationIsACloudEventKeyedByItWithItsNextVersion() {
		String code = code("ORG");
		String id = send("POST", "/api/v1/organizations", null, organization(code), 201).get("id").asString();
		send("PATCH", "/api/v1/organizations/" + id, "\"1\"",
				"""
						{"contacts":[{"name":"Investor relations","email":"investors@%s.example","language":"en","digest":true}]}
						"""
					.formatted(code.toLowerCase()),
				200);
		send("POST", "/api/v1/organizations/" + id + "/deactivate", "\"2\"", null, 200);

		List<ConsumerRecord<String, String>> records = distinctEvents(id, 3);

		assertCloudEvents(records, id, List.of("org.coophub.organization.registered.v1",
				"org.coophub.organization.updated.v1", "org.coophub.organization.updated.v1"));
		assertThat(value(records.get(1)).at("/organization/contacts/0/dailyDigest").asBoolean()).isTrue();
		JsonNode stored = this.json.readTree(this.http.get()
			.uri("/api/v1/organizations/" + id)
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(stored.at("/contacts/0/digest").asBoolean()).isTrue();
		assertThat(stored.at("/contacts/0/notify").asBoolean()).isTrue();
		assertThat(value(records.get(2)).at("/organization/active").asBoolean()).isFalse();
	}

	@Test
	void everyChangeOfAnAgreementIsACloudEventKeyedByItWithItsNextVersionOnOnePartition() {
		String agreement = draft("2029-12-31");
		String parties = "/api/v1/agreements/" + agreement + "/parties/";
		JsonNode named = send("GET", "/api/v1/agreements/" + agreement, null, null, 200).get("parties");
		String ld = named.at("/0/organizationId").asString();
		String hcm = named.at("/1/organizationId").asString();
		send("POST", parties + ld + "/accept", "\"1\"", null, 200);
		send("POST", parties + hcm + "/decline", "\"2\"", "{\"note\":\"Chờ ý kiến của UBND Thành phố\"}", 200);
		send("POST", parties + hcm + "/accept", "\"3\"", "{\"note\":\"Đồng ý tham gia\"}", 200);
		send("POST", "/api/v1/agreements/" + agreement + "/activate", "\"4\"", null, 200);
		send("PATCH", "/api/v1/agreements/" + agreement, "\"5\"", """
				{"endsOn":"2034-12-31","note":"Gia hạn theo biên bản sơ kết ngày 06/11/2012"}""", 200);
		String commitment = send("POST", "/api/v1/agreements/" + agreement + "/commitments", "\"6\"", """
				{"title":{"vi":"Luân phiên tổ chức sơ kết hàng năm","en":"Take turns hosting the annual review"},
				 "area":"OTHER","target":{"metric":"ANNUAL_REVIEWS","perYear":1}}""", 201).at("/commitments/0/id")
			.asString();
		send("PATCH", "/api/v1/agreements/" + agreement + "/commitments/" + commitment, "\"7\"",
				"{\"status\":\"IN_PROGRESS\"}", 200);
		send("POST", "/api/v1/agreements/" + agreement + "/suspend", "\"8\"", null, 200);
		send("POST", "/api/v1/agreements/" + agreement + "/resume", "\"9\"", null, 200);
		send("POST", "/api/v1/agreements/" + agreement + "/terminate", "\"10\"", null, 200);

		List<ConsumerRecord<String, String>> records = distinctEvents(agreement, 11);

		assertCloudEvents(records, agreement,
				List.of("org.coophub.agreement.created.v1", "org.coophub.agreement.party-accepted.v1",
						"org.coophub.agreement.party-declined.v1", "org.coophub.agreement.party-accepted.v1",
						"org.coophub.agreement.status-changed.v1", "org.coophub.agreement.amended.v1",
						"org.coophub.commitment.added.v1", "org.coophub.commitment.updated.v1",
						"org.coophub.agreement.status-changed.v1", "org.coophub.agreement.status-changed.v1",
						"org.coophub.agreement.status-changed.v1"));
		assertThat(records).extracting((r) -> value(r).at("/agreement/status").asString())
			.containsExactly("DRAFT", "DRAFT", "DRAFT", "DRAFT", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "SUSPENDED",
					"ACTIVE", "TERMINATED");
		assertThat(records.subList(0, 5))
			.extracting((r) -> value(r).at("/agreement/parties/0/consent").asString() + ","
					+ value(r).at("/agreement/parties/1/consent").asString())
			.containsExactly("PENDING,PENDING", "ACCEPTED,PENDING", "ACCEPTED,DECLINED", "ACCEPTED,ACCEPTED",
					"ACCEPTED,ACCEPTED");
		assertThat(records.subList(1, 4)).extracting((r) -> value(r).get("organizationId").asString())
			.containsExactly(ld, hcm, hcm);
		assertThat(value(records.get(2)).get("note").asString()).isEqualTo("Chờ ý kiến của UBND Thành phố");
		assertThat(value(records.get(3)).get("actor").asString())
			.isEqualTo(TopicProbe.header(records.get(3), "ce_actor"));
		assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
	}

	@Test
	void expiryAndRenewalAreCloudEventsWithTheirVersions() {
		String agreement = draft("2012-12-31");
		new JsonApi(this.http, this.json).activate(agreement);
		this.expiry.expireEnded();
		send("POST", "/api/v1/agreements/" + agreement + "/renew", "\"5\"", "{\"endsOn\":\"2017-12-31\"}", 200);

		List<ConsumerRecord<String, String>> records = distinctEvents(agreement, 6);

		assertCloudEvents(records, agreement,
				List.of("org.coophub.agreement.created.v1", "org.coophub.agreement.party-accepted.v1",
						"org.coophub.agreement.party-accepted.v1", "org.coophub.agreement.status-changed.v1",
						"org.coophub.agreement.status-changed.v1", "org.coophub.agreement.status-changed.v1"));
		assertThat(records).extracting((r) -> value(r).at("/agreement/status").asString())
			.containsExactly("DRAFT", "DRAFT", "DRAFT", "ACTIVE", "EXPIRED", "ACTIVE");
		assertThat(value(records.get(5)).at("/agreement/startsOn").asString()).isEqualTo("2013-01-01");
	}

	/**
	 * Each record: the CloudEvents headers of binary mode, the key and subject of the
	 * aggregate, the payload's id and time agreeing with ce_id and ce_time, versions 1,
	 * 2, 3... in order, and a value valid against the type's schema.
	 */
	private void assertCloudEvents(List<ConsumerRecord<String, String>> records, String key, List<String> types) {
		assertThat(records).extracting((r) -> TopicProbe.header(r, "ce_type")).containsExactlyElementsOf(types);
		for (int i = 0; i < records.size(); i++) {
			ConsumerRecord<String, String> record = records.get(i);
			Map<String, String> headers = TopicProbe.headers(record);
			JsonNode value = value(record);
			assertThat(record.key()).isEqualTo(key);
			assertThat(headers).containsEntry("ce_specversion", "1.0")
				.containsEntry("ce_source", "/coophub/agreement-service")
				.containsEntry("ce_subject", key)
				.containsEntry("content-type", "application/json")
				.containsEntry("ce_id", value.get("eventId").asString());
			assertThat(UUID.fromString(headers.get("ce_id"))).isNotNull();
			// ce_time: the event's time to the millisecond, as MongoDB stores the entry
			assertThat(OffsetDateTime.parse(headers.get("ce_time")).toInstant())
				.isEqualTo(Instant.parse(value.get("occurredAt").asString()).truncatedTo(ChronoUnit.MILLIS));
			assertThat(value.get("version").asLong()).as("version of event %d", i).isEqualTo(i + 1L);
			List<Error> errors = this.schemas.getSchema(schema(headers.get("ce_type"))).validate(value);
			assertThat(errors).as("%s against its schema", headers.get("ce_type")).isEmpty();
		}
	}

	/**
	 * The first {@code count} distinct events (by ce_id) with this key, in the order they
	 * arrived; a redelivered event has the same id, and consumers skip it too.
	 */
	private List<ConsumerRecord<String, String>> distinctEvents(String key, int count) {
		return await().pollInSameThread().atMost(TopicProbe.DEFAULT_TIMEOUT).until(() -> {
			Set<String> seen = new HashSet<>();
			return this.events.received()
				.stream()
				.filter((r) -> key.equals(r.key()))
				.filter((r) -> seen.add(TopicProbe.header(r, "ce_id")))
				.limit(count)
				.toList();
		}, (records) -> records.size() == count);
	}

	private JsonNode schema(String type) {
		try (InputStream in = getClass().getResourceAsStream("/schemas/" + type + ".schema.json")) {
			assertThat(in).as("schema of %s on the class path (cooperation-events)", type).isNotNull();
			return this.json.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode value(ConsumerRecord<String, String> record) {
		return this.json.readTree(record.value());
	}

	private String draft(String endsOn) {
		String ld = send("POST", "/api/v1/organizations", null, organization(code("LD")), 201).get("id").asString();
		String hcm = send("POST", "/api/v1/organizations", null, organization(code("HCM")), 201).get("id").asString();
		String code = code("CTHT");
		return send("POST", "/api/v1/agreements", null, """
				{"code":"%s","title":{"vi":"Chương trình hợp tác %s","en":"Cooperation program %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"%s","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, code, code, ld, hcm, endsOn, hcm, ld, hcm), 201).get("id").asString();
	}

	private JsonNode send(String method, String path, String ifMatch, String body, int status) {
		RestTestClient.RequestBodySpec request = this.http.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		byte[] response = request.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.json.readTree(response);
	}

	private static String code(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private static String organization(String code) {
		return """
				{"code":"%s","name":{"vi":"Ban Quản lý %s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
				 "contacts":[{"name":"Văn phòng","email":"vanphong@%s.example","language":"vi"}]}
				""".formatted(code, code, code.toLowerCase());
	}

}
