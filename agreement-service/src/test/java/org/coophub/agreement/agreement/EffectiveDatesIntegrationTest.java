package org.coophub.agreement.agreement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Years of history typed in after the fact, through HTTP, MongoDB and Kafka: changes take
 * effect on their own day, {@code asOf} answers by that day, the history shows both days,
 * the events carry it, and commitment targets say what they measure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class EffectiveDatesIntegrationTest {

	static final String AMENDED = "org.coophub.agreement.amended.v1";

	static final String STATUS_CHANGED = "org.coophub.agreement.status-changed.v1";

	static final String COMMITMENT_ADDED = "org.coophub.commitment.added.v1";

	static final String CAPITAL_TARGET = """
			{"metric":"REGISTERED_CAPITAL","measure":"OUTCOME_SUM","activityTypes":["INVESTMENT_PROMOTION_CONFERENCE",
			 "TRADE_PROMOTION"],"outcome":"registeredCapital","currency":"VND","valuePerYear":100000000000,
			 "years":[{"year":2012,"value":50000000000}],"includeAreaActivities":true}""";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Agreements agreements;

	RestTestClient http;

	TopicProbe events;

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
	void aBackDatedAmendmentIsVisibleAsOfItsEffectiveDayAndNotBeforeAndTheHistoryShowsBothDays() {
		String id = agreement(null);
		String accepted = api().acceptAll(id);
		send(this.http.post(), "/api/v1/agreements/" + id + "/activate", accepted,
				"{\"effectiveOn\":\"2009-10-15\",\"note\":\"Ký kết ngày 15/10/2009\"}")
			.expectStatus()
			.isOk();

		send(this.http.patch(), "/api/v1/agreements/" + id, "\"4\"", """
				{"areas":["INVESTMENT_PROMOTION","RAW_MATERIAL_SOURCING"],"effectiveOn":"2012-11-06",
				 "note":"Bổ sung lĩnh vực theo biên bản sơ kết ngày 06/11/2012"}""").expectStatus().isOk();
		send(this.http.post(), "/api/v1/agreements/" + id + "/commitments", "\"5\"",
				"""
						{"title":{"vi":"Giới thiệu vùng nguyên liệu rau, hoa","en":"Introduce raw-material areas"},
						 "area":"RAW_MATERIAL_SOURCING","target":{"metric":"INTRODUCTIONS","perYear":4},"effectiveOn":"2012-11-06"}""")
			.expectStatus()
			.isCreated();

		JsonNode after = read("/api/v1/agreements/" + id + "?asOf=2012-11-07");
		assertThat(after.at("/areas").toString()).contains("RAW_MATERIAL_SOURCING");
		assertThat(after.at("/status").asString()).isEqualTo("ACTIVE");
		assertThat(after.at("/commitments/0/since").asString()).isEqualTo("2012-11-06");
		assertThat(after.get("version").asLong()).isEqualTo(6);
		assertThat(after.get("awaitingAcceptance")).as("accepted with effect from the draft's first day").isEmpty();
		JsonNode before = read("/api/v1/agreements/" + id + "?asOf=2012-11-05");
		assertThat(before.at("/areas").toString()).doesNotContain("RAW_MATERIAL_SOURCING");
		assertThat(before.at("/commitments").size()).isZero();
		assertThat(before.at("/status").asString()).isEqualTo("ACTIVE");

		JsonNode history = read("/api/v1/agreements/" + id + "/history");
		String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
		assertThat(history.at("/0/effectiveOn").asString()).isEqualTo("2009-10-15");
		assertThat(history.at("/1/change").asString()).isEqualTo("PARTY_ACCEPTED");
		assertThat(history.at("/1/effectiveOn").asString()).isEqualTo("2009-10-15");
		assertThat(history.at("/3/effectiveOn").asString()).isEqualTo("2009-10-15");
		assertThat(history.at("/3/note").asString()).isEqualTo("Ký kết ngày 15/10/2009");
		assertThat(history.at("/4/change").asString()).isEqualTo("AMENDED");
		assertThat(history.at("/4/effectiveOn").asString()).isEqualTo("2012-11-06");
		assertThat(history.at("/4/at").asString()).as("recorded today").startsWith(today.substring(0, 4));
		assertThat(history.at("/4/actor").asString()).isEqualTo("admin");
		assertThat(history.at("/5/effectiveOn").asString()).isEqualTo("2012-11-06");

		JsonNode amended = this.json.readTree(events(id, AMENDED, 1).get(0).value());
		assertThat(amended.get("effectiveOn").asString()).isEqualTo("2012-11-06");
		assertThat(this.json.readTree(events(id, STATUS_CHANGED, 1).get(0).value()).get("effectiveOn").asString())
			.isEqualTo("2009-10-15");
		JsonNode added = this.json.readTree(events(id, COMMITMENT_ADDED, 1).get(0).value());
		assertThat(added.get("effectiveOn").asString()).isEqualTo("2012-11-06");
		assertThat(added.at("/agreement/commitments/0/since").asString()).isEqualTo("2012-11-06");
	}

	@Test
	void anEffectiveDayBeforeTheSigningIsRefusedNamingItAndNothingIsStoredOrPublished() {
		String id = agreement(null);

		for (String[] write : List.of(
				new String[] { "PATCH", "",
						"{\"areas\":[\"ENVIRONMENT\"],\"note\":\"x\"," + "\"effectiveOn\":\"2009-10-14\"}" },
				new String[] { "POST", "/activate", "{\"effectiveOn\":\"2009-10-14\"}" },
				new String[] { "POST", "/commitments",
						"{\"title\":{\"vi\":\"Cam kết\"},\"area\":\"OTHER\",\"effectiveOn\":\"2009-10-14\"}" },
				new String[] { "POST", "/activate", "{\"effectiveOn\":\"2999-01-01\"}" })) {
			send("PATCH".equals(write[0]) ? this.http.patch() : this.http.post(), "/api/v1/agreements/" + id + write[1],
					"\"1\"", write[2])
				.expectStatus()
				.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("effectiveOn");
		}
		assertThat(this.agreements.findById(id).orElseThrow().version()).isEqualTo(1);
		assertThat(read("/api/v1/agreements/" + id + "/history").size()).isEqualTo(1);

		api().activate(id);
		List<ConsumerRecord<String, String>> published = await().pollInSameThread()
			.atMost(TopicProbe.DEFAULT_TIMEOUT)
			.until(() -> distinct(id), (records) -> records.stream().anyMatch((r) -> type(r).equals(STATUS_CHANGED)));
		assertThat(published).extracting(EffectiveDatesIntegrationTest::type)
			.as("the creation, the parties' acceptance and the one activation that was accepted, nothing of the "
					+ "refused ones")
			.containsExactly("org.coophub.agreement.created.v1", "org.coophub.agreement.party-accepted.v1",
					"org.coophub.agreement.party-accepted.v1", STATUS_CHANGED);
		assertThat(this.json.readTree(published.get(3).value()).get("effectiveOn").asString())
			.isEqualTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());
	}

	@Test
	void measuredTargetsAreAcceptedAndTravelInTheEvents() {
		String id = agreement("""
				[{"title":{"vi":"Thu hút vốn đầu tư"},"area":"INVESTMENT_PROMOTION","target":%s},
				 {"title":{"vi":"Sơ kết hàng năm"},"area":"OTHER","target":{"metric":"ANNUAL_REVIEWS","perYear":1}}]
				""".formatted(CAPITAL_TARGET));

		JsonNode created = this.json.readTree(events(id, "org.coophub.agreement.created.v1", 1).get(0).value());
		JsonNode target = created.at("/agreement/commitments/0/target");
		assertThat(target.get("measure").asString()).isEqualTo("OUTCOME_SUM");
		assertThat(target.get("outcome").asString()).isEqualTo("registeredCapital");
		assertThat(target.get("currency").asString()).isEqualTo("VND");
		assertThat(target.get("valuePerYear").decimalValue()).isEqualByComparingTo("100000000000");
		assertThat(target.at("/years/0/year").asInt()).isEqualTo(2012);
		assertThat(target.at("/years/0/value").decimalValue()).isEqualByComparingTo("50000000000");
		assertThat(target.at("/activityTypes").toString())
			.isEqualTo("[\"INVESTMENT_PROMOTION_CONFERENCE\",\"TRADE_PROMOTION\"]");
		assertThat(target.get("includeAreaActivities").asBoolean()).isTrue();
		JsonNode legacy = created.at("/agreement/commitments/1/target");
		assertThat(legacy.get("perYear").asInt()).isEqualTo(1);
		assertThat(legacy.get("measure").isNull()).isTrue();

		String commitment = read("/api/v1/agreements/" + id).at("/commitments/1/id").asString();
		send(this.http.patch(), "/api/v1/agreements/" + id + "/commitments/" + commitment, "\"1\"",
				"""
						{"target":{"metric":"ANNUAL_REVIEWS","perYear":1,"measure":"ACTIVITIES","activityTypes":["ANNUAL_REVIEW"],
						 "includeAreaActivities":true}}""")
			.expectStatus()
			.isOk();
		JsonNode updated = this.json.readTree(events(id, "org.coophub.commitment.updated.v1", 1).get(0).value())
			.at("/agreement/commitments/1/target");
		assertThat(updated.get("measure").asString()).isEqualTo("ACTIVITIES");
		assertThat(updated.at("/activityTypes/0").asString()).isEqualTo("ANNUAL_REVIEW");
	}

	@Test
	void eachBadTargetIsRefusedNamingItsFieldAndNothingIsStored() {
		long before = this.agreements.count();
		String capital = "\"measure\":\"OUTCOME_SUM\",\"activityTypes\":[\"TRADE_PROMOTION\"],\"valuePerYear\":1";
		List<String[]> bad = List.of(
				new String[] { "{\"metric\":\"M\"," + capital + ",\"outcome\":\"visitors\"}", "422",
						"commitments[0].target.outcome" },
				new String[] {
						"{\"metric\":\"M\"," + capital + ",\"outcome\":\"registeredCapital\",\"currency\":\"EUR\"}",
						"422", "commitments[0].target.currency" },
				new String[] { "{\"metric\":\"M\"," + capital + ",\"outcome\":\"mousSigned\",\"currency\":\"VND\"}",
						"422", "commitments[0].target.currency" },
				new String[] {
						"{\"metric\":\"M\"," + capital
								+ ",\"outcome\":\"mousSigned\",\"years\":[{\"year\":2031,\"value\":1}]}",
						"422", "commitments[0].target.years[0].year" },
				new String[] { "{\"metric\":\"M\"," + capital + ",\"outcome\":\"mousSigned\",\"valuePerYear\":-1}",
						"400", "commitments[0].target.valuePerYear" },
				new String[] {
						"{\"metric\":\"M\",\"perYear\":1,\"measure\":\"ACTIVITIES\",\"activityTypes\":[\"PICNIC\"]}",
						"400", "commitments[0].target.activityTypes[0]" });
		for (String[] target : bad) {
			send(this.http.post(), "/api/v1/agreements", null,
					body(code(), "[{\"title\":{\"vi\":\"Cam kết\"},\"area\":\"OTHER\",\"target\":" + target[0] + "}]"))
				.expectStatus()
				.isEqualTo(Integer.parseInt(target[1]))
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo(target[2]);
		}
		assertThat(this.agreements.count()).isEqualTo(before);

		String id = agreement(null);
		send(this.http.post(), "/api/v1/agreements/" + id + "/commitments", "\"1\"",
				"""
						{"title":{"vi":"Cam kết"},"area":"OTHER","target":{"metric":"M",%s,"outcome":"registeredCapital"}}"""
					.formatted(capital))
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("target.currency");
		assertThat(this.agreements.findById(id).orElseThrow().version()).isEqualTo(1);
	}

	/** A DRAFT agreement signed and started on 2009-10-15, ending 2029-12-31. */
	private String agreement(String commitments) {
		String ld = organization();
		String hcm = organization();
		String body = """
				{"code":"%s","title":{"vi":"Chương trình hợp tác %s","en":"Program %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2029-12-31","areas":["INVESTMENT_PROMOTION"],
				 "commitments":%s,
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""";
		String code = code();
		return created("/api/v1/agreements",
				body.formatted(code, code, code, ld, hcm, (commitments != null) ? commitments : "[]", hcm, ld, hcm))
			.get("id")
			.asString();
	}

	/** An agreement between two existing organizations whose commitments are given. */
	private String body(String code, String commitments) {
		String ld = organization();
		String hcm = organization();
		return """
				{"code":"%s","title":{"vi":"Chương trình hợp tác %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2029-12-31","areas":["INVESTMENT_PROMOTION"],
				 "commitments":%s,
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, code, ld, hcm, commitments, hcm, ld, hcm);
	}

	private String organization() {
		String code = "ORG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		return created("/api/v1/organizations", """
				{"code":"%s","name":{"vi":"Ban Quản lý %s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
				 "contacts":[{"name":"Văn phòng","email":"vanphong@%s.example","language":"vi"}]}
				""".formatted(code, code, code.toLowerCase())).get("id").asString();
	}

	private List<ConsumerRecord<String, String>> distinct(String key) {
		Set<String> seen = new HashSet<>();
		return this.events.received()
			.stream()
			.filter((r) -> key.equals(r.key()))
			.filter((r) -> seen.add(TopicProbe.headers(r).get("ce_id")))
			.toList();
	}

	private List<ConsumerRecord<String, String>> events(String key, String type, int count) {
		return await().pollInSameThread()
			.atMost(TopicProbe.DEFAULT_TIMEOUT)
			.until(() -> distinct(key).stream().filter((r) -> type(r).equals(type)).limit(count).toList(),
					(records) -> records.size() == count);
	}

	private JsonNode created(String path, String body) {
		return api().created(path, body);
	}

	private JsonNode read(String path) {
		return api().read(path);
	}

	private JsonApi api() {
		return new JsonApi(this.http, this.json);
	}

	private RestTestClient.ResponseSpec send(RestTestClient.RequestBodyUriSpec method, String path, String ifMatch,
			String body) {
		return api().send(method, path, ifMatch, body);
	}

	private static String code() {
		return "CTHT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private static String type(ConsumerRecord<String, String> record) {
		return TopicProbe.headers(record).getOrDefault("ce_type", "");
	}

}
