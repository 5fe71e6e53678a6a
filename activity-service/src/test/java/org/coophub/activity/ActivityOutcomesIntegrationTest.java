package org.coophub.activity;

import java.time.Instant;
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
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Target;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.coophub.activity.ActivityRecordingIntegrationTest.HCM;
import static org.coophub.activity.ActivityRecordingIntegrationTest.LD;

/**
 * Each activity type records its own outcomes; departments, dates, parties and
 * commitments are checked against the read models fed by agreement-events, and whatever
 * is refused leaves nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ActivityOutcomesIntegrationTest {

	static final String COMMITMENT = "cmt-website";

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

	String agreementId;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		// from the latest offset: the CSV tests fill the topic with thousands of records
		this.activityEvents = TopicProbe.fromLatest(Topics.ACTIVITY_EVENTS);
		this.agreementId = UUID.randomUUID().toString();
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), HCM, 1,
				organization(HCM, "Phòng Quản lý Đầu tư", "Văn phòng", "Thanh tra")));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), LD, 1,
				organization(LD, "Phòng Quản lý Đầu tư", "Văn phòng")));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 2,
				agreement(AgreementStatus.ACTIVE)));
		await().until(() -> known("known_agreements", this.agreementId) && known("known_organizations", HCM)
				&& known("known_organizations", LD));
	}

	@AfterEach
	void tearDown() {
		this.activityEvents.close();
	}

	@Test
	void anExperienceExchangeRecordsItsTopicParticipantsAndDepartmentsAndPublishesThem() {
		Response response = post(experienceExchange().replace("\"Văn phòng\"", "\"van phong\""));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.body().at("/participatingDepartments/0").asString()).isEqualTo("Phòng Quản lý Đầu tư");
		assertThat(response.body().at("/participatingDepartments/1").asString()).isEqualTo("Văn phòng");
		String id = response.body().get("id").asString();
		ConsumerRecord<String, String> record = this.activityEvents.awaitRecord((r) -> r.value().contains(id));
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.at("/activity/description").asString())
			.isEqualTo("Hai Ban trao đổi trực tiếp, cung cấp tài liệu");
		assertThat(event.at("/activity/participatingDepartments/1").asString()).isEqualTo("Văn phòng");
		assertThat(event.at("/activity/outcomes/topic").asString()).isEqualTo("ISO 9001:2008; một cửa liên thông");
		assertThat(event.at("/activity/outcomes/participants").asInt()).isEqualTo(24);
		assertThat(getJson("/api/v1/activities?agreementId=" + this.agreementId + "&q=mot cua lien thong")
			.at("/page/totalElements")
			.asInt()).isEqualTo(1);
	}

	@Test
	void anAnnualReviewKeepsItsMinutesAndPlanAndADocumentSharingItsDocuments() {
		Response review = post(activity("ANNUAL_REVIEW", "2012-11-06T08:30:00",
				"{\"minutesLink\":\"https://bqlkcn.example/bien-ban-so-ket-2012.pdf\","
						+ "\"planItems\":[\"Luân phiên tổ chức sơ kết hàng năm\",\"Giới thiệu vùng nguyên liệu\"]}"));
		Response sharing = post(activity("DOCUMENT_SHARING", "2010-08-12T09:00:00",
				"{\"documents\":[{\"title\":\"Sổ tay chất lượng ISO 9001:2008\",\"kind\":\"REGULATION\","
						+ "\"link\":\"https://bqlkcn.example/so-tay.pdf\"}]}"));

		assertThat(review.status()).isEqualTo(201);
		assertThat(review.body().at("/outcomes/planItems/1").asString()).isEqualTo("Giới thiệu vùng nguyên liệu");
		assertThat(sharing.status()).isEqualTo(201);
		JsonNode stored = getJson("/api/v1/activities/" + sharing.body().get("id").asString());
		assertThat(stored.at("/outcomes/documents/0/kind").asString()).isEqualTo("REGULATION");
		assertThat(stored.at("/outcomes/documents/0/title").asString()).isEqualTo("Sổ tay chất lượng ISO 9001:2008");
	}

	@Test
	void anOutcomeOfAnotherTypeIsNamedAndNothingIsStored() {
		Response sports = post(activity("SPORTS_EVENT", "2011-10-15T07:00:00",
				"{\"participants\":180,\"registeredCapital\":{\"amount\":1000,\"currency\":\"USD\"}}"));

		assertThat(sports.status()).isEqualTo(422);
		assertThat(sports.body().at("/errors/0/field").asString()).isEqualTo("outcomes.registeredCapital");
		assertThat(sports.body().get("detail").asString()).contains("SPORTS_EVENT").contains("participants");
		assertThat(stored()).isZero();
	}

	@Test
	void completingWithAnOutcomeOfAnotherTypeIsRefusedAndChangesNothing() {
		Response planned = post(activity("JOINT_MEETING", "2012-03-22T08:00:00", null).replace("COMPLETED", "PLANNED"));
		String id = planned.body().get("id").asString();

		Response refused = command(id, "complete",
				"{\"outcomes\":{\"minutesLink\":\"https://bqlkcn.example/bb.pdf\"}}");
		Response completed = command(id, "complete", "{\"outcomes\":{\"participants\":60}}");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("outcomes.minutesLink");
		assertThat(completed.status()).isEqualTo(200);
		assertThat(completed.body().get("version").asLong()).isEqualTo(2);
		assertThat(completed.body().at("/outcomes/participants").asInt()).isEqualTo(60);
	}

	@Test
	void aPatchIsCheckedAgainstTheTypeAndTheDepartmentsLikeARecording() {
		Response meeting = post(activity("JOINT_MEETING", "2012-06-28T08:00:00", "{\"participants\":50}"));
		String id = meeting.body().get("id").asString();

		Response wrongOutcome = patch(id, "{\"outcomes\":{\"topic\":\"Giao ban quý II\"}}");
		Response wrongDepartment = patch(id, "{\"participatingDepartments\":[\"Phòng Tài chính\"]}");
		Response fine = patch(id, "{\"participatingDepartments\":[\"thanh tra\"],\"outcomes\":{\"participants\":55}}");

		assertThat(wrongOutcome.status()).isEqualTo(422);
		assertThat(wrongOutcome.body().at("/errors/0/field").asString()).isEqualTo("outcomes.topic");
		assertThat(wrongDepartment.status()).isEqualTo(422);
		assertThat(wrongDepartment.body().at("/errors/0/field").asString()).isEqualTo("participatingDepartments[0]");
		assertThat(fine.status()).isEqualTo(200);
		assertThat(fine.body().at("/participatingDepartments/0").asString()).isEqualTo("Thanh tra");
		assertThat(fine.body().at("/outcomes/participants").asInt()).isEqualTo(55);
		assertThat(fine.body().get("version").asLong()).isEqualTo(2);
	}

	@Test
	void aDepartmentNoOrganizationTakingPartHasIsRefused() {
		Response response = post(experienceExchange().replace("\"Văn phòng\"", "\"Phòng Tài chính\""));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("participatingDepartments[1]");
		assertThat(stored()).isZero();
	}

	@Test
	void datesOutsideTheAgreementsPeriodAreRefused() {
		Response before = post(activity("JOINT_MEETING", "2009-10-14T08:00:00", null));
		Response after = post(activity("JOINT_MEETING", "2030-01-02T08:00:00", null));

		assertThat(before.status()).isEqualTo(422);
		assertThat(before.body().at("/errors/0/field").asString()).isEqualTo("startsAt");
		assertThat(after.status()).isEqualTo(422);
		assertThat(stored()).isZero();
	}

	@Test
	void aParticipantOrACommitmentFromElsewhereIsRefused() {
		Response participant = post(activity("JOINT_MEETING", "2012-03-22T08:00:00", null).replace(
				"\"participantOrganizationIds\":[\"" + LD + "\"]",
				"\"participantOrganizationIds\":[\"" + LD + "\",\"org-binh-duong\"]"));
		Response commitment = post(activity("WEBSITE_PROMOTION", "2011-07-14T09:00:00", null).replace(
				"\"commitmentIds\":[\"" + COMMITMENT + "\"]",
				"\"commitmentIds\":[\"" + COMMITMENT + "\",\"cmt-of-another-agreement\"]"));
		Response fine = post(activity("WEBSITE_PROMOTION", "2011-07-14T09:00:00", null));

		assertThat(participant.status()).isEqualTo(422);
		assertThat(participant.body().at("/errors/0/field").asString()).isEqualTo("participantOrganizationIds[1]");
		assertThat(commitment.status()).isEqualTo(422);
		assertThat(commitment.body().at("/errors/0/field").asString()).isEqualTo("commitmentIds[1]");
		assertThat(fine.status()).isEqualTo(201);
		assertThat(stored()).isOne();
	}

	@Test
	void aSuspendedOrTerminatedAgreementTakesNoActivities() {
		publish(new AgreementStatusChanged(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 3,
				agreement(AgreementStatus.SUSPENDED)));
		Response suspended = await().until(() -> post(activity("JOINT_MEETING", "2012-03-22T08:00:00", null)),
				(r) -> r.status() == 422);
		publish(new AgreementStatusChanged(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 4,
				agreement(AgreementStatus.TERMINATED)));
		Response terminated = await().until(() -> post(activity("JOINT_MEETING", "2012-03-22T08:00:00", null)),
				(r) -> r.body().get("detail").asString().contains("TERMINATED"));

		assertThat(suspended.body().get("detail").asString()).contains("SUSPENDED");
		assertThat(terminated.status()).isEqualTo(422);
		assertThat(stored()).isZero();
	}

	private String experienceExchange() {
		return """
				{"agreementId":"%s","type":"EXPERIENCE_EXCHANGE",
				 "title":{"vi":"Trao đổi kinh nghiệm áp dụng ISO 9001:2008 và cơ chế một cửa liên thông",
				          "en":"Experience exchange on ISO 9001:2008 and the one-stop shop"},
				 "description":"Hai Ban trao đổi trực tiếp, cung cấp tài liệu",
				 "startsAt":"2010-06-15T08:30:00","endsAt":"2010-06-15T11:30:00",
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],
				 "participatingDepartments":["Phòng Quản lý Đầu tư","Văn phòng"],"status":"COMPLETED",
				 "outcomes":{"topic":"ISO 9001:2008; một cửa liên thông","participants":24}}
				""".formatted(this.agreementId, HCM, LD);
	}

	private String activity(String type, String startsAt, String outcomes) {
		return """
				{"agreementId":"%s","type":"%s","title":{"vi":"Hoạt động hợp tác"},
				 "startsAt":"%s","endsAt":"%s","hostOrganizationId":"%s","participantOrganizationIds":["%s"],
				 "commitmentIds":["%s"],"status":"COMPLETED","outcomes":%s}
				""".formatted(this.agreementId, type, startsAt, startsAt, HCM, LD, COMMITMENT, outcomes);
	}

	private AgreementState agreement(AgreementStatus status) {
		AgreementState base = ActivityRecordingIntegrationTest.agreement(this.agreementId, status);
		Commitment website = new Commitment(COMMITMENT, new LocalizedText("Cung cấp thông tin KCN cho website", null),
				Area.INFORMATION_AND_WEBSITE, LD, new Target("WEBSITE_UPDATES", 4), null, CommitmentStatus.OPEN);
		return new AgreementState(base.id(), base.code(), base.title(), base.parties(), base.signedOn(),
				base.startsOn(), base.endsOn(), base.timeZone(), base.areas(), base.status(), List.of(website),
				base.reviewPolicy());
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

	private JsonNode getJson(String uri) {
		return this.json.readTree(this.http.get().uri(uri).exchange().expectBody().returnResult().getResponseBody());
	}

	private Response post(String body) {
		var result = this.http.post()
			.uri("/api/v1/activities")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectBody()
			.returnResult();
		return new Response(result.getStatus().value(), this.json.readTree(result.getResponseBody()));
	}

	private Response patch(String id, String body) {
		var result = this.http.patch()
			.uri("/api/v1/activities/{id}", id)
			.headers((headers) -> headers.setIfMatch("\"1\""))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectBody()
			.returnResult();
		return new Response(result.getStatus().value(), this.json.readTree(result.getResponseBody()));
	}

	private Response command(String id, String action, String body) {
		var result = this.http.post()
			.uri("/api/v1/activities/{id}/{action}", id, action)
			.headers((headers) -> headers.setIfMatch("\"1\""))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectBody()
			.returnResult();
		return new Response(result.getStatus().value(), this.json.readTree(result.getResponseBody()));
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	record Response(int status, JsonNode body) {
	}

}
