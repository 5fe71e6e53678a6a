package org.coophub.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.LocalizedProblems;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.coophub.activity.ActivityRecordingIntegrationTest.HCM;
import static org.coophub.activity.ActivityRecordingIntegrationTest.LD;
import static org.coophub.testsupport.LocalizedProblems.fieldMessage;

/**
 * activity-service's own rule, constraint and conflict messages answer in the language
 * the request prefers: Vietnamese from the service's {@code messages_vi} and
 * {@code ValidationMessages_vi}, English (the exceptions' own messages) otherwise. Field
 * names stay the same in both; nothing is stored when a request fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class LocalizedRuleMessagesIntegrationTest {

	private static final String VIETNAMESE = LocalizedProblems.VIETNAMESE;

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	RestTestClient http;

	String agreementId;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		this.agreementId = UUID.randomUUID().toString();
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), HCM, 1,
				organization(HCM, "Phòng Quản lý Đầu tư", "Văn phòng")));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), LD, 1,
				organization(LD, "Phòng Quản lý Đầu tư", "Văn phòng")));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 2,
				ActivityRecordingIntegrationTest.agreement(this.agreementId, AgreementStatus.ACTIVE)));
		await().until(() -> known("known_agreements", this.agreementId) && known("known_organizations", HCM)
				&& known("known_organizations", LD));
	}

	@Test
	void aDepartmentOrAnOutcomeTheRulesRefuseIsExplainedInTheRequestsLanguage() {
		String department = activity("JOINT_MEETING", "null").replace("\"participatingDepartments\":[]",
				"\"participatingDepartments\":[\"Phòng Tài chính\"]");
		JsonNode vi = send("/api/v1/activities", department, VIETNAMESE, 422);
		assertThat(vi.at("/title").asString()).isEqualTo("Vi phạm quy tắc nghiệp vụ");
		assertThat(vi.at("/errors/0/field").asString()).isEqualTo("participatingDepartments[0]");
		assertThat(vi.at("/errors/0/message").asString())
			.isEqualTo("'Phòng Tài chính' không phải phòng ban của đơn vị chủ trì hay của đơn vị tham gia");
		JsonNode en = send("/api/v1/activities", department, null, 422);
		assertThat(en.at("/errors/0/message").asString())
			.isEqualTo("'Phòng Tài chính' is not a department of the host or of a participating organization");

		String capital = activity("SPORTS_EVENT", "{\"registeredCapital\":{\"amount\":1000,\"currency\":\"USD\"}}");
		assertThat(send("/api/v1/activities", capital, "vi", 422).at("/detail").asString())
			.isEqualTo("registeredCapital không phải kết quả của hoạt động loại SPORTS_EVENT; loại này ghi nhận: "
					+ "participants");
		assertThat(send("/api/v1/activities", capital, "en", 422).at("/detail").asString())
			.isEqualTo("registeredCapital is not an outcome of a SPORTS_EVENT activity; it records participants");
		assertThat(stored()).isZero();
	}

	@Test
	void theServicesOwnConstraintsAnswerInTheRequestsLanguage() {
		String body = activity("INVESTMENT_PROMOTION_CONFERENCE",
				"{\"registeredCapital\":{\"amount\":1000,\"currency\":\"EUR\"}}")
			.replace("\"endsAt\":\"2012-03-22T08:00:00\"", "\"endsAt\":\"2012-03-21T08:00:00\"");

		JsonNode vi = send("/api/v1/activities", body, VIETNAMESE, 400);
		assertThat(fieldMessage(vi, "outcomes.registeredCapital.currency")).isEqualTo("phải là VND hoặc USD");
		assertThat(fieldMessage(vi, "endsAt")).isEqualTo("không được trước thời điểm bắt đầu");
		JsonNode en = send("/api/v1/activities", body, null, 400);
		assertThat(fieldMessage(en, "outcomes.registeredCapital.currency")).isEqualTo("must be VND or USD");
		assertThat(fieldMessage(en, "endsAt")).isEqualTo("must not be before startsAt");
		assertThat(stored()).isZero();
	}

	@Test
	void aChangeTheActivitysStatusDoesNotAllowIsExplainedInTheRequestsLanguage() {
		String id = send("/api/v1/activities", activity("JOINT_MEETING", "null").replace("COMPLETED", "PLANNED"), null,
				201)
			.get("id")
			.asString();
		send("/api/v1/activities/" + id + "/complete", "{\"outcomes\":{\"participants\":40}}", null, 200);

		JsonNode vi = send("/api/v1/activities/" + id + "/cancel", null, "vi", 409);
		assertThat(vi.at("/title").asString()).isEqualTo("Xung đột");
		assertThat(vi.at("/detail").asString()).isEqualTo("Hoạt động " + id
				+ " đang ở trạng thái COMPLETED; chỉ hoạt động đã lên kế hoạch (PLANNED) mới có thể bị hủy");
		JsonNode en = send("/api/v1/activities/" + id + "/cancel", null, null, 409);
		assertThat(en.at("/detail").asString())
			.isEqualTo("Activity " + id + " is COMPLETED; only a PLANNED activity can be cancelled");
	}

	@Test
	void everyConstraintMessageHasItsVietnamese() {
		// the rules' English is the exceptions' own text: only their Vietnamese is a
		// bundle
		LocalizedProblems.assertEveryMessageHasItsVietnamese("ValidationMessages");
	}

	private String activity(String type, String outcomes) {
		return """
				{"agreementId":"%s","type":"%s","title":{"vi":"Giao ban quý I"},
				 "startsAt":"2012-03-22T08:00:00","endsAt":"2012-03-22T08:00:00","hostOrganizationId":"%s",
				 "participantOrganizationIds":["%s"],"participatingDepartments":[],"status":"COMPLETED","outcomes":%s}
				""".formatted(this.agreementId, type, HCM, LD, outcomes);
	}

	/**
	 * Sends a POST (an If-Match of the version the activity has then, for its commands)
	 * and reads the answer, which must have the status.
	 */
	private JsonNode send(String path, String body, String acceptLanguage, int status) {
		RestTestClient.RequestBodySpec request = this.http.post().uri(path);
		if (path.contains("/api/v1/activities/")) {
			String id = path.split("/")[4];
			long version = this.json
				.readTree(this.http.get()
					.uri("/api/v1/activities/" + id)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.returnResult()
					.getResponseBody())
				.get("version")
				.asLong();
			request.header(HttpHeaders.IF_MATCH, "\"" + version + "\"");
		}
		if (acceptLanguage != null) {
			request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return this.json.readTree(
				request.exchange().expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
	}

	private static OrganizationState organization(String id, String... departments) {
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText("Ban Quản lý " + id, null),
				"INDUSTRIAL_ZONE_AUTHORITY", "Lâm Đồng", List.of(departments), List.of(), true);
	}

	private boolean known(String collection, String id) {
		return this.mongo.findById(id, org.bson.Document.class, collection) != null;
	}

	private long stored() {
		return this.mongo.count(Query.query(Criteria.where("agreementId").is(this.agreementId)), "activities");
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

}
