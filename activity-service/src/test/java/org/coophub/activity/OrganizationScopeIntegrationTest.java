package org.coophub.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
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
 * An EDITOR records and changes only activities hosted by or involving their own
 * organization; another organization's EDITOR gets 403 and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class OrganizationScopeIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	String run;

	String agreementId;

	String hcm;

	String ld;

	@BeforeEach
	void setUp() {
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.hcm = "org-hcm-" + this.run;
		this.ld = "org-ld-" + this.run;
		String outsider = "org-dn-" + this.run;
		this.agreementId = "agr-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), this.hcm, 1,
				organization(this.hcm, "HCM-" + this.run)));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), this.ld, 1,
				organization(this.ld, "LD-" + this.run)));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), outsider, 1,
				organization(outsider, "DN-" + this.run)));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 2,
				new AgreementState(this.agreementId, "IT-" + this.run, new LocalizedText("Chương trình hợp tác", null),
						List.of(new Party(this.ld, PartyRole.LEAD), new Party(this.hcm, PartyRole.PARTNER)),
						LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), LocalDate.of(2029, 12, 31),
						"Asia/Ho_Chi_Minh", List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
						new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.hcm, this.ld), this.hcm,
								List.of(30, 7, 1)))));
		await().until(() -> this.mongo.findById(this.agreementId, org.bson.Document.class, "known_agreements") != null
				&& this.mongo.findById(outsider, org.bson.Document.class, "known_organizations") != null
				&& this.mongo.findById(this.ld, org.bson.Document.class, "known_organizations") != null
				&& this.mongo.findById(this.hcm, org.bson.Document.class, "known_organizations") != null);
	}

	@Test
	void anEditorOfAnOrganizationNotTakingPartIsRefusedAndNothingIsStored() {
		int status = post(editor("DN-" + this.run), conference());

		assertThat(status).isEqualTo(403);
		assertThat(this.mongo.count(Query.query(Criteria.where("agreementId").is(this.agreementId)), "activities"))
			.isZero();
	}

	@Test
	void theHostsEditorAndAParticipantsEditorRecordAndChangeButAnOutsiderCannotChange() {
		assertThat(post(editor("HCM-" + this.run), conference())).as("the host's editor").isEqualTo(201);
		assertThat(post(editor("LD-" + this.run), conference())).as("a participant's editor").isEqualTo(201);
		String id = this.mongo
			.findOne(Query.query(Criteria.where("agreementId").is(this.agreementId)), org.bson.Document.class,
					"activities")
			.getString("_id");

		assertThat(cancel(editor("DN-" + this.run), id)).as("an outsider's editor").isEqualTo(403);
		assertThat(cancel(editor(null), id)).as("an editor without organization").isEqualTo(403);
		assertThat(cancel(ServiceClients.asAdmin(this.port), id)).as("the secretariat").isEqualTo(200);

		JsonNode history = this.json.readTree(ServiceClients.asAdmin(this.port)
			.get()
			.uri("/api/v1/activities/{id}/history", id)
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(history.findValuesAsString("change")).containsExactly("RECORDED", "CANCELLED");
		assertThat(history.findValuesAsString("actor")).as("who recorded it, and who cancelled it")
			.containsExactly("editor@" + history.at("/0/actor").asString().substring("editor@".length()), "admin")
			.first()
			.isIn("editor@HCM-" + this.run, "editor@LD-" + this.run);
	}

	/**
	 * Every write endpoint in turn on one activity: another organization's EDITOR gets
	 * 403 and changes nothing (the version stays), the host's EDITOR gets 200.
	 */
	@Test
	void everyChangeIsRefusedToAnotherOrganizationsEditorAndAllowedToTheHost() {
		RestTestClient host = editor("HCM-" + this.run);
		RestTestClient outsider = editor("DN-" + this.run);
		assertThat(post(host, conference())).isEqualTo(201);
		String id = this.mongo
			.findOne(Query.query(Criteria.where("agreementId").is(this.agreementId)), org.bson.Document.class,
					"activities")
			.getString("_id");
		List<String[]> changes = List.of(
				new String[] { "PATCH", "/api/v1/activities/" + id, "{\"description\":\"Trao đổi cơ hội đầu tư\"}" },
				new String[] { "POST", "/api/v1/activities/" + id + "/reschedule",
						"{\"startsAt\":\"2012-05-25T08:00:00\",\"endsAt\":\"2012-05-25T17:00:00\",\"note\":\"Dời lịch\"}" },
				new String[] { "POST", "/api/v1/activities/" + id + "/complete", "{}" });
		int version = 1;
		for (String[] change : changes) {
			assertThat(change(outsider, change, version)).as("an outsider: " + change[1]).isEqualTo(403);
			assertThat(change(host, change, version)).as("the host: " + change[1]).isEqualTo(200);
			version++;
		}
	}

	/**
	 * A party still PENDING has no party rights: its EDITOR cannot record an activity it
	 * hosts (403 problem, nothing stored) until its acceptance arrives.
	 */
	@Test
	void anEditorOfAPendingPartyRecordsOnlyOnceItAccepted() {
		String dn = "org-dn-" + this.run;
		String threeParties = "agr-three-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), threeParties, 2,
				threeParties(threeParties, PartyConsent.PENDING)));
		await().until(() -> this.mongo.findById(threeParties, org.bson.Document.class, "known_agreements") != null);
		String hostedByDongNai = conference().replace(this.agreementId, threeParties).replace(this.hcm, dn);

		editor("DN-" + this.run).post()
			.uri("/api/v1/activities")
			.contentType(MediaType.APPLICATION_JSON)
			.body(hostedByDongNai)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("accepted agreement " + threeParties));
		assertThat(this.mongo.count(Query.query(Criteria.where("agreementId").is(threeParties)), "activities"))
			.isZero();

		publish(new PartyAccepted(UUID.randomUUID().toString(), Instant.now(), threeParties, 3,
				threeParties(threeParties, PartyConsent.ACCEPTED), dn, "Đồng ý tham gia", "editor@DN-" + this.run));
		await().until(() -> this.mongo.findById(threeParties, org.bson.Document.class, "known_agreements")
			.getList("awaitingPartyIds", String.class)
			.isEmpty());

		assertThat(post(editor("DN-" + this.run), hostedByDongNai)).isEqualTo(201);
		org.bson.Document stored = this.mongo.findOne(Query.query(Criteria.where("agreementId").is(threeParties)),
				org.bson.Document.class, "activities");
		assertThat(stored.getList("history", org.bson.Document.class).get(0).getString("change"))
			.as("the change is stored by its stable name")
			.isEqualTo("RECORDED");
	}

	private AgreementState threeParties(String id, PartyConsent dongNai) {
		return new AgreementState(id, "IT3-" + this.run, new LocalizedText("Chương trình hợp tác ba bên", null),
				List.of(new Party(this.ld, PartyRole.LEAD, PartyConsent.ACCEPTED),
						new Party(this.hcm, PartyRole.PARTNER, PartyConsent.ACCEPTED),
						new Party("org-dn-" + this.run, PartyRole.PARTNER, dongNai)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), LocalDate.of(2029, 12, 31), "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(), null);
	}

	private int change(RestTestClient client, String[] change, int version) {
		RestTestClient.RequestBodyUriSpec method = "PATCH".equals(change[0]) ? client.patch() : client.post();
		return method.uri(change[1])
			.header("If-Match", "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(change[2])
			.exchange()
			.returnResult()
			.getStatus()
			.value();
	}

	private RestTestClient editor(String organizationCode) {
		return ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("editor", "EDITOR", organizationCode));
	}

	private int post(RestTestClient client, String body) {
		return client.post()
			.uri("/api/v1/activities")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.returnResult()
			.getStatus()
			.value();
	}

	private int cancel(RestTestClient client, String id) {
		return client.post()
			.uri("/api/v1/activities/{id}/cancel", id)
			.header("If-Match", "\"1\"")
			.exchange()
			.returnResult()
			.getStatus()
			.value();
	}

	private String conference() {
		return """
				{"agreementId":"%s","type":"INVESTMENT_PROMOTION_CONFERENCE",
				 "title":{"vi":"Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng","en":"Investment promotion conference"},
				 "startsAt":"2012-05-18T08:00:00","endsAt":"2012-05-18T17:00:00",
				 "location":{"province":"TP. Hồ Chí Minh","venue":"Trung tâm Hội nghị"},
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"PLANNED"}
				""".formatted(this.agreementId, this.hcm, this.ld);
	}

	private static OrganizationState organization(String id, String code) {
		return new OrganizationState(id, code, new LocalizedText("Ban Quản lý " + code, null),
				"INDUSTRIAL_ZONE_AUTHORITY", "Lâm Đồng", List.of(), List.of(), true);
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

}
