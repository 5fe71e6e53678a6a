package org.coophub.agreement.agreement;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.coophub.agreement.JsonApi;
import org.coophub.events.Topics;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Party consent through HTTP, MongoDB and Kafka: who starts accepted, who may answer for
 * a party (and the 403, 404, 409, 412 and 428 of both answers), activation held back
 * while a party has not accepted, contacts hidden until a party accepts, the events with
 * the new consent, and agreements stored before consent existed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class PartyConsentIntegrationTest {

	static final String ACCEPTED_TYPE = "org.coophub.agreement.party-accepted.v1";

	static final String DECLINED_TYPE = "org.coophub.agreement.party-declined.v1";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	RestTestClient http;

	TopicProbe events;

	String ldCode;

	String hcmCode;

	String ld;

	String hcm;

	String outsider;

	String outsiderId;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		this.events = TopicProbe.subscribe(Topics.AGREEMENT_EVENTS);
		this.ldCode = code("LD");
		this.hcmCode = code("HCM");
		this.outsider = code("DN");
		this.ld = api().created("/api/v1/organizations", organization(this.ldCode)).get("id").asString();
		this.hcm = api().created("/api/v1/organizations", organization(this.hcmCode)).get("id").asString();
		this.outsiderId = api().created("/api/v1/organizations", organization(this.outsider)).get("id").asString();
	}

	@AfterEach
	void tearDown() {
		this.events.close();
	}

	@Test
	void theCreatorsOrganizationAcceptsByCreatingTheOtherPartyIsPendingAndActivationWaitsForIt() {
		JsonNode created = new JsonApi(editor(this.ldCode), this.json).created("/api/v1/agreements", agreement());
		String id = created.get("id").asString();

		assertThat(created.at("/parties/0/consent").asString()).isEqualTo("ACCEPTED");
		assertThat(created.at("/parties/1/consent").asString()).isEqualTo("PENDING");
		assertThat(created.get("awaitingAcceptance").toString()).isEqualTo("[\"" + this.hcm + "\"]");

		api().send(this.http.post(), path(id) + "/activate", "\"1\"", null)
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Parties have not accepted")
			.jsonPath("$.awaitingAcceptance[0]")
			.isEqualTo(this.hcm)
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("chưa chấp thuận", "have not accepted"));
		assertThat(api().read(path(id)).get("status").asString()).isEqualTo("DRAFT");
		assertThat(api().read(path(id)).get("version").asLong()).isEqualTo(1);

		JsonNode accepted = this.json.readTree(api()
			.send(editor(this.hcmCode).post(), path(id) + "/parties/" + this.hcm + "/accept", "\"1\"",
					"{\"note\":\"Đồng ý tham gia theo Công văn số 125/BQL-VP\"}")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"2\"")
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(accepted.at("/parties/1/consent").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.get("awaitingAcceptance")).isEmpty();
		api().send(this.http.post(), path(id) + "/activate", "\"2\"", null).expectStatus().isOk();

		JsonNode entry = api().read(path(id) + "/history").get(1);
		assertThat(entry.get("change").asString()).isEqualTo("PARTY_ACCEPTED");
		assertThat(entry.get("organizationId").asString()).isEqualTo(this.hcm);
		assertThat(entry.get("actor").asString()).isEqualTo("hcm-editor@" + this.hcmCode);
		assertThat(entry.get("note").asString()).isEqualTo("Đồng ý tham gia theo Công văn số 125/BQL-VP");
		assertThat(entry.get("at").asString()).isNotEmpty();
	}

	@Test
	void theSecretariatLeavesEveryPartyPendingAndMayAnswerForAnyOfThem() {
		String id = api().created("/api/v1/agreements", agreement()).get("id").asString();

		assertThat(api().read(path(id)).get("awaitingAcceptance").toString())
			.isEqualTo("[\"" + this.ld + "\",\"" + this.hcm + "\"]");
		assertThat(api().acceptAll(id)).isEqualTo("\"3\"");
		assertThat(api().read(path(id) + "/history").get(2).get("actor").asString()).isEqualTo("admin");
	}

	/**
	 * Both answers, one after the other: another organization's EDITOR, a VIEWER of the
	 * party itself and a request without a token are refused and change nothing; then an
	 * unknown party (404), no If-Match (428), a stale one (412), and the party's EDITOR
	 * answering twice (the second is 409).
	 */
	@Test
	void onlyThePartysEditorOrAnAdminAnswersAndEveryRefusalChangesNothing() {
		String id = new JsonApi(editor(this.ldCode), this.json).created("/api/v1/agreements", agreement())
			.get("id")
			.asString();
		RestTestClient outsiderEditor = editor(this.outsider);
		RestTestClient ldEditor = editor(this.ldCode);
		RestTestClient hcmViewer = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("hcm-viewer", "VIEWER", this.hcmCode));
		RestTestClient anonymous = ServiceClients.anonymous(this.port);
		long version = 1;
		for (String answer : List.of("decline", "accept")) {
			String uri = path(id) + "/parties/" + this.hcm + "/" + answer;
			String ifMatch = "\"" + version + "\"";
			forbidden(outsiderEditor, uri, ifMatch);
			forbidden(ldEditor, uri, ifMatch);
			forbidden(hcmViewer, uri, ifMatch);
			api().send(anonymous.post(), uri, ifMatch, null).expectStatus().isUnauthorized();
			problem(outsiderEditor, path(id) + "/parties/" + this.outsiderId + "/" + answer, ifMatch,
					HttpStatus.NOT_FOUND);
			problem(this.http, path(id) + "/parties/no-such-organization/" + answer, ifMatch, HttpStatus.NOT_FOUND);
			problem(this.http, path("no-such-agreement") + "/parties/" + this.hcm + "/" + answer, ifMatch,
					HttpStatus.NOT_FOUND);
			problem(editor(this.hcmCode), uri, null, HttpStatus.PRECONDITION_REQUIRED);
			problem(editor(this.hcmCode), uri, "\"" + (version + 7) + "\"", HttpStatus.PRECONDITION_FAILED);
			assertThat(api().read(path(id)).get("version").asLong()).as("nothing changed before the %s", answer)
				.isEqualTo(version);

			api().send(editor(this.hcmCode).post(), uri, ifMatch, null).expectStatus().isOk();
			version++;
			problem(editor(this.hcmCode), uri, "\"" + version + "\"", HttpStatus.CONFLICT);
		}
		assertThat(api().read(path(id)).at("/parties/1/consent").asString()).isEqualTo("ACCEPTED");
		assertThat(api().read(path(id) + "/history")).extracting((entry) -> entry.get("change").asString())
			.containsExactly("CREATED", "PARTY_DECLINED", "PARTY_ACCEPTED");
	}

	@Test
	void aNoteThatIsNotPlainTextOrTooLongIsRefusedNamingTheFieldAndNothingIsStored() {
		String id = api().created("/api/v1/agreements", agreement()).get("id").asString();

		for (String note : List.of("Đồng ý\\u202e tham gia", "Đ".repeat(1001))) {
			for (String answer : List.of("accept", "decline")) {
				api()
					.send(this.http.post(), path(id) + "/parties/" + this.hcm + "/" + answer, "\"1\"",
							"{\"note\":\"" + note + "\"}")
					.expectStatus()
					.isBadRequest()
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody()
					.jsonPath("$.errors[0].field")
					.isEqualTo("note");
			}
		}
		assertThat(api().read(path(id)).get("version").asLong()).isEqualTo(1);
		assertThat(api().read(path(id) + "/history").size()).isEqualTo(1);
	}

	@Test
	void aPartyAddedByAnAmendmentIsPendingAndAnswersOnTheRunningAgreementOnlyWhileItHasNotAccepted() {
		String id = api().created("/api/v1/agreements", agreement()).get("id").asString();
		String etag = api().activate(id);
		String dn = this.outsiderId;

		JsonNode amended = this.json
			.readTree(
					api()
						.send(this.http.patch(), path(id), etag,
								"""
										{"parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"},
										            {"organizationId":"%s","role":"OBSERVER"}],
										 "note":"Mời Ban Quản lý các KCN Đồng Nai tham gia"}"""
									.formatted(this.ld, this.hcm, dn))
						.expectStatus()
						.isOk()
						.expectBody()
						.returnResult()
						.getResponseBody());
		assertThat(amended.get("parties")).extracting((party) -> party.get("consent").asString())
			.containsExactly("ACCEPTED", "ACCEPTED", "PENDING");
		assertThat(amended.get("awaitingAcceptance").toString()).isEqualTo("[\"" + dn + "\"]");

		long version = amended.get("version").asLong();
		problem(editor(this.hcmCode), path(id) + "/parties/" + this.hcm + "/decline", "\"" + version + "\"",
				HttpStatus.CONFLICT);
		api().send(editor(this.outsider).post(), path(id) + "/parties/" + dn + "/accept", "\"" + version + "\"", null)
			.expectStatus()
			.isOk();
		assertThat(api().read(path(id)).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(api().read(path(id)).get("awaitingAcceptance")).isEmpty();
	}

	@Test
	void aPendingPartysContactsAreHiddenFromTheOtherPartiesUntilItAccepts() {
		String id = new JsonApi(editor(this.ldCode), this.json).created("/api/v1/agreements", agreement())
			.get("id")
			.asString();

		assertThat(contactEmail(this.ldCode, this.hcm)).as("the creator's user, the other party pending").isEmpty();
		assertThat(contactEmail(this.hcmCode, this.ld)).as("the pending party's user").isEmpty();
		assertThat(contactEmail(this.hcmCode, this.hcm)).as("their own organization").isNotEmpty();

		api().send(editor(this.hcmCode).post(), path(id) + "/parties/" + this.hcm + "/decline", "\"1\"", null)
			.expectStatus()
			.isOk();
		assertThat(contactEmail(this.ldCode, this.hcm)).as("declined").isEmpty();

		api().send(editor(this.hcmCode).post(), path(id) + "/parties/" + this.hcm + "/accept", "\"2\"", null)
			.expectStatus()
			.isOk();
		assertThat(contactEmail(this.ldCode, this.hcm)).as("accepted")
			.isEqualTo("vanphong@" + this.hcmCode.toLowerCase() + ".example");
		assertThat(contactEmail(this.hcmCode, this.ld)).isEqualTo("vanphong@" + this.ldCode.toLowerCase() + ".example");
		assertThat(contactEmail(this.outsider, this.hcm)).as("no agreement with it").isEmpty();
	}

	@Test
	void theAnswersArePublishedWithTheWholeAgreementAndItsNewConsent() {
		String id = api().created("/api/v1/agreements", agreement()).get("id").asString();
		api()
			.send(this.http.post(), path(id) + "/parties/" + this.hcm + "/decline", "\"1\"",
					"{\"note\":\"Chờ ý kiến của UBND Thành phố\"}")
			.expectStatus()
			.isOk();
		api().send(editor(this.ldCode).post(), path(id) + "/parties/" + this.ld + "/accept", "\"2\"", null)
			.expectStatus()
			.isOk();

		JsonNode declined = value(event(id, DECLINED_TYPE));
		assertThat(declined.get("version").asLong()).isEqualTo(2);
		assertThat(declined.get("organizationId").asString()).isEqualTo(this.hcm);
		assertThat(declined.get("note").asString()).isEqualTo("Chờ ý kiến của UBND Thành phố");
		assertThat(declined.get("actor").asString()).isEqualTo("admin");
		assertThat(declined.at("/agreement/parties/1/consent").asString()).isEqualTo("DECLINED");
		assertThat(declined.at("/agreement/parties/0/consent").asString()).isEqualTo("PENDING");
		ConsumerRecord<String, String> acceptedRecord = event(id, ACCEPTED_TYPE);
		JsonNode accepted = value(acceptedRecord);
		assertThat(accepted.get("version").asLong()).isEqualTo(3);
		assertThat(accepted.get("organizationId").asString()).isEqualTo(this.ld);
		assertThat(accepted.get("actor").asString()).isEqualTo("ld-editor@" + this.ldCode);
		assertThat(TopicProbe.header(acceptedRecord, "ce_actor")).isEqualTo("ld-editor@" + this.ldCode);
		assertThat(accepted.at("/agreement/parties/0/consent").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.at("/agreement/parties/1/consent").asString()).isEqualTo("DECLINED");
		assertThat(accepted.at("/agreement/status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void anAgreementStoredBeforeConsentExistedReadsAsAcceptedAndActivates() {
		String id = api().created("/api/v1/agreements", agreement()).get("id").asString();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().unset("parties.0.consent").unset("parties.1.consent"), "agreements");

		org.bson.Document stored = this.mongo.findById(id, org.bson.Document.class, "agreements");
		assertThat(stored.getList("history", org.bson.Document.class).get(0).getString("change"))
			.as("history kinds are stored by the names they always had")
			.isEqualTo("CREATED");

		JsonNode view = api().read(path(id));
		assertThat(view.get("parties")).extracting((party) -> party.get("consent").asString())
			.containsExactly("ACCEPTED", "ACCEPTED");
		assertThat(view.get("awaitingAcceptance")).isEmpty();
		assertThat(contactEmail(this.ldCode, this.hcm)).as("parties of an agreement from before consent").isNotEmpty();
		api().send(this.http.post(), path(id) + "/activate", "\"1\"", null).expectStatus().isOk();
		problem(this.http, path(id) + "/parties/" + this.hcm + "/accept", "\"2\"", HttpStatus.CONFLICT);
	}

	private void forbidden(RestTestClient client, String uri, String ifMatch) {
		problem(client, uri, ifMatch, HttpStatus.FORBIDDEN);
	}

	private void problem(RestTestClient client, String uri, String ifMatch, HttpStatus status) {
		api().send(client.post(), uri, ifMatch, "{\"note\":\"Thử\"}")
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private ConsumerRecord<String, String> event(String key, String type) {
		return await().pollInSameThread().atMost(TopicProbe.DEFAULT_TIMEOUT).until(() -> {
			Set<String> seen = new HashSet<>();
			return this.events.received()
				.stream()
				.filter((r) -> key.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type")))
				.filter((r) -> seen.add(TopicProbe.header(r, "ce_id")))
				.findFirst()
				.orElse(null);
		}, (record) -> record != null);
	}

	private JsonNode value(ConsumerRecord<String, String> record) {
		return this.json.readTree(record.value());
	}

	private String contactEmail(String readerOrganization, String organizationId) {
		RestTestClient viewer = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("viewer", "VIEWER", readerOrganization));
		JsonNode organization = new JsonApi(viewer, this.json).read("/api/v1/organizations/" + organizationId);
		assertThat(organization.at("/contacts/0/name").asString()).as("the contact itself is shown").isNotEmpty();
		return organization.at("/contacts/0/email").asString("");
	}

	private RestTestClient editor(String organizationCode) {
		String user = organizationCode.substring(0, organizationCode.indexOf('-')).toLowerCase() + "-editor";
		return ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token(user, "EDITOR", organizationCode));
	}

	private JsonApi api() {
		return new JsonApi(this.http, this.json);
	}

	private static String path(String id) {
		return "/api/v1/agreements/" + id;
	}

	private String agreement() {
		String code = code("CTHT");
		return """
				{"code":"%s","title":{"vi":"Chương trình hợp tác Lâm Đồng – TP.HCM %s","en":"Cooperation program %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2029-12-31","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, code, code, this.ld, this.hcm, this.hcm, this.ld, this.hcm);
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
