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
import org.coophub.platform.outbox.OutboxWriter;
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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Each kind of change to organizations and agreements, through HTTP and MongoDB, reaches
 * Kafka as its own event type with the full new state, the new version and the right key,
 * in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class AgreementChangesIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Agreements agreements;

	@Autowired
	OutboxWriter outbox;

	@Autowired
	AgreementExpiry expiry;

	@Autowired
	ScheduledTaskHolder scheduler;

	@Autowired
	MongoTemplate mongo;

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
	void updatingAndDeactivatingAnOrganizationPublishesOrganizationUpdated() {
		String code = code("ORG");
		String id = created("/api/v1/organizations", organization(code)).get("id").asString();

		send(this.http.patch(), "/api/v1/organizations/" + id, "\"1\"",
				"""
						{"name":{"vi":"Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng","en":"Lam Dong Industrial Zones Authority"},
						 "contacts":[{"name":"Phòng Quản lý Đầu tư","email":"DauTu@ld.example","language":"en","notify":false},
						             {"name":"Investor relations","email":"investors@ld.example","language":"en","digest":true}]}
						""")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"2\"")
			.expectBody()
			.jsonPath("$.contacts[0].notify")
			.isEqualTo(false)
			.jsonPath("$.contacts[0].digest")
			.isEqualTo(false)
			.jsonPath("$.contacts[1].notify")
			.isEqualTo(true)
			.jsonPath("$.contacts[1].digest")
			.isEqualTo(true);
		send(this.http.post(), "/api/v1/organizations/" + id + "/deactivate", "\"1\"", null).expectStatus()
			.isEqualTo(HttpStatus.PRECONDITION_FAILED);
		send(this.http.post(), "/api/v1/organizations/" + id + "/deactivate", "\"2\"", null).expectStatus().isOk();

		List<ConsumerRecord<String, String>> updates = events(id, "org.coophub.organization.updated.v1", 2);
		JsonNode renamed = this.json.readTree(updates.get(0).value());
		assertThat(renamed.get("version").asLong()).isEqualTo(2);
		assertThat(renamed.at("/organization/name/en").asString()).isEqualTo("Lam Dong Industrial Zones Authority");
		assertThat(renamed.at("/organization/contacts/0/email").asString()).isEqualTo("dautu@ld.example");
		assertThat(renamed.at("/organization/contacts/0/receivesNotifications").asBoolean()).isFalse();
		assertThat(renamed.at("/organization/contacts/0/dailyDigest").asBoolean()).isFalse();
		assertThat(renamed.at("/organization/contacts/1/dailyDigest").asBoolean()).isTrue();
		JsonNode deactivated = this.json.readTree(updates.get(1).value());
		assertThat(deactivated.get("version").asLong()).isEqualTo(3);
		assertThat(deactivated.at("/organization/active").asBoolean()).isFalse();

		String other = created("/api/v1/organizations", organization(code("ORG"))).get("id").asString();
		send(this.http.post(), "/api/v1/agreements", null, agreement(code("CTHT"), id, other, "2029-12-31"))
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Test
	void everyTransitionPublishesStatusChangedWithTheNextVersionAndAnIllegalOneIsRefused() {
		String id = activeAgreement("2029-12-31");
		send(this.http.post(), "/api/v1/agreements/" + id + "/suspend", "\"4\"", null).expectStatus().isOk();
		send(this.http.post(), "/api/v1/agreements/" + id + "/resume", "\"5\"", null).expectStatus().isOk();
		send(this.http.post(), "/api/v1/agreements/" + id + "/terminate", "\"6\"", null).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"7\"");

		send(this.http.post(), "/api/v1/agreements/" + id + "/resume", "\"7\"", null).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.currentStatus")
			.isEqualTo("TERMINATED");

		List<ConsumerRecord<String, String>> changes = events(id, "org.coophub.agreement.status-changed.v1", 4);
		assertThat(changes).extracting((r) -> this.json.readTree(r.value()).at("/agreement/status").asString())
			.containsExactly("ACTIVE", "SUSPENDED", "ACTIVE", "TERMINATED");
		assertThat(changes).extracting((r) -> this.json.readTree(r.value()).get("version").asLong())
			.containsExactly(4L, 5L, 6L, 7L);
		assertThat(changes).extracting(ConsumerRecord::partition).containsOnly(changes.get(0).partition());
	}

	@Test
	void anAmendmentIsPublishedWithItsFieldsNoteAndActorAndShowsInHistoryAndAsOf() {
		String id = activeAgreement("2029-12-31");

		send(this.http.patch(), "/api/v1/agreements/" + id, null, """
				{"endsOn":"2034-12-31","note":"Gia hạn"}""").expectStatus().isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
		send(this.http.patch(), "/api/v1/agreements/" + id, "\"1\"", """
				{"endsOn":"2034-12-31","note":"Gia hạn"}""").expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
		this.http.patch()
			.uri("/api/v1/agreements/" + id)
			.header("If-Match", "\"4\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"endsOn":"2034-12-31","areas":["INVESTMENT_PROMOTION","ENVIRONMENT"],
					 "note":"Gia hạn theo biên bản sơ kết ngày 06/11/2012"}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"5\"");

		JsonNode amended = this.json.readTree(
				this.events.awaitRecord((r) -> id.equals(r.key()) && type(r).equals("org.coophub.agreement.amended.v1"))
					.value());
		assertThat(amended.get("version").asLong()).isEqualTo(5);
		assertThat(amended.get("changedFields").toString()).isEqualTo("[\"endsOn\",\"areas\"]");
		assertThat(amended.get("note").asString()).isEqualTo("Gia hạn theo biên bản sơ kết ngày 06/11/2012");
		assertThat(amended.get("actor").asString()).as("the signed-in user").isEqualTo("admin");
		assertThat(amended.at("/agreement/endsOn").asString()).isEqualTo("2034-12-31");

		JsonNode history = read("/api/v1/agreements/" + id + "/history");
		assertThat(history.size()).as("created, two acceptances, activated, amended").isEqualTo(5);
		assertThat(history.at("/0/change").asString()).isEqualTo("CREATED");
		assertThat(history.at("/0/actor").asString()).isEqualTo("admin");
		assertThat(history.at("/4/actor").asString()).isEqualTo("admin");
		assertThat(history.at("/4/changedFields").toString()).isEqualTo("[\"endsOn\",\"areas\"]");

		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		assertThat(history.at("/4/effectiveOn").asString()).as("effective the day it was made")
			.isEqualTo(today.toString());
		assertThat(history.at("/0/effectiveOn").asString()).as("the agreement exists since it was signed")
			.isEqualTo("2009-10-15");
		assertThat(read("/api/v1/agreements/" + id + "?asOf=" + today).at("/endsOn").asString())
			.isEqualTo("2034-12-31");
		assertThat(read("/api/v1/agreements/" + id + "?asOf=" + today.minusDays(1)).at("/endsOn").asString())
			.isEqualTo("2029-12-31");
		this.http.get().uri("/api/v1/agreements/" + id + "?asOf=2009-10-14").exchange().expectStatus().isNotFound();
	}

	@Test
	void addingAndUpdatingACommitmentPublishTheirOwnEventsWithTheWholeAgreement() {
		String id = activeAgreement("2029-12-31");

		JsonNode added = this.json
			.readTree(send(this.http.post(), "/api/v1/agreements/" + id + "/commitments", "\"4\"", """
					{"title":{"vi":"Giới thiệu vùng nguyên liệu rau, hoa","en":"Introduce raw-material areas"},
					 "area":"RAW_MATERIAL_SOURCING","target":{"metric":"INTRODUCTIONS","perYear":4}}""").expectStatus()
				.isCreated()
				.expectBody()
				.returnResult()
				.getResponseBody());
		String commitment = added.at("/commitments/0/id").asString();
		send(this.http.patch(), "/api/v1/agreements/" + id + "/commitments/" + commitment, "\"5\"",
				"{\"status\":\"IN_PROGRESS\"}")
			.expectStatus()
			.isOk();

		JsonNode addedEvent = this.json.readTree(
				this.events.awaitRecord((r) -> id.equals(r.key()) && type(r).equals("org.coophub.commitment.added.v1"))
					.value());
		JsonNode updatedEvent = this.json.readTree(this.events
			.awaitRecord((r) -> id.equals(r.key()) && type(r).equals("org.coophub.commitment.updated.v1"))
			.value());
		assertThat(addedEvent.get("version").asLong()).isEqualTo(5);
		assertThat(addedEvent.get("commitmentId").asString()).isEqualTo(commitment);
		assertThat(addedEvent.at("/agreement/commitments/0/status").asString()).isEqualTo("OPEN");
		assertThat(updatedEvent.get("version").asLong()).isEqualTo(6);
		assertThat(updatedEvent.at("/agreement/commitments/0/status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(updatedEvent.at("/agreement/code").asString()).startsWith("CTHT");
	}

	@Test
	void anEndedAgreementExpiresOnceEvenWhenTwoInstancesRaceAndCanBeRenewed() {
		String id = activeAgreement("2012-12-31");
		// Two instances read the same version, as two schedulers running at once would.
		Agreement first = this.agreements.findById(id).orElseThrow();
		Agreement second = this.agreements.findById(id).orElseThrow();
		this.outbox.save(first, first.transition(Transition.EXPIRE, java.time.Instant.now(), "system"));
		assertThatThrownBy(
				() -> this.outbox.save(second, second.transition(Transition.EXPIRE, java.time.Instant.now(), "system")))
			.isInstanceOf(OptimisticLockingFailureException.class);
		this.expiry.expireEnded();

		send(this.http.post(), "/api/v1/agreements/" + id + "/renew", "\"5\"", "{\"endsOn\":\"2017-12-31\"}")
			.expectStatus()
			.isOk();

		List<ConsumerRecord<String, String>> changes = events(id, "org.coophub.agreement.status-changed.v1", 3);
		assertThat(changes).extracting((r) -> this.json.readTree(r.value()).at("/agreement/status").asString())
			.containsExactly("ACTIVE", "EXPIRED", "ACTIVE");
		JsonNode renewed = this.json.readTree(changes.get(2).value());
		assertThat(renewed.get("version").asLong()).isEqualTo(6);
		assertThat(renewed.at("/agreement/startsOn").asString()).isEqualTo("2013-01-01");
		assertThat(renewed.at("/agreement/endsOn").asString()).isEqualTo("2017-12-31");
	}

	@Test
	void theSchedulerExpiresAnAgreementWhosePeriodEndedInItsTimeZone() {
		String id = activeAgreement("2012-12-31");

		this.expiry.expireEnded();

		JsonNode expired = this.json.readTree(
				this.events
					.awaitRecord((r) -> id.equals(r.key()) && type(r).equals("org.coophub.agreement.status-changed.v1")
							&& r.value().contains("\"EXPIRED\""))
					.value());
		assertThat(expired.get("version").asLong()).isEqualTo(5);
		assertThat(read("/api/v1/agreements/" + id + "/history").at("/4/actor").asString()).isEqualTo("system");
	}

	@Test
	void aCodeInUseInAnOverlappingPeriodIsAConflictNamingTheCodeButALaterPeriodMayReuseIt() {
		String ld = created("/api/v1/organizations", organization(code("LD"))).get("id").asString();
		String hcm = created("/api/v1/organizations", organization(code("HCM"))).get("id").asString();
		String code = code("CTHT");
		String first = created("/api/v1/agreements", agreement(code, ld, hcm, "2029-12-31")).get("id").asString();

		send(this.http.post(), "/api/v1/agreements", null,
				agreement(code, "Chương trình khác " + code, "Another program " + code, ld, hcm, "2029-12-31",
						"2031-12-31"))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("code")
			.jsonPath("$.conflictingAgreementId")
			.isEqualTo(first);

		created("/api/v1/agreements", agreement(code, "Chương trình giai đoạn 2030 – 2039 " + code,
				"Program 2030 – 2039 " + code, ld, hcm, "2030-01-01", "2039-12-31"));
	}

	@Test
	void aTitleInUseInAnOverlappingPeriodIsAConflictWhateverItsCaseAndDiacritics() {
		String ld = created("/api/v1/organizations", organization(code("LD"))).get("id").asString();
		String hcm = created("/api/v1/organizations", organization(code("HCM"))).get("id").asString();
		String code = code("CTHT");
		created("/api/v1/agreements", agreement(code, "Chương trình hợp tác Lâm Đồng " + code,
				"Lam Dong program " + code, ld, hcm, "2009-10-15", "2029-12-31"));
		long before = this.agreements.count();

		send(this.http.post(), "/api/v1/agreements", null,
				agreement(code("CTHT"), "CHUONG TRINH  HOP TAC LAM DONG " + code, "Other " + code, ld, hcm,
						"2012-01-01", null))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("title.vi");
		send(this.http.post(), "/api/v1/agreements", null,
				agreement(code("CTHT"), "Khác " + code, "lam dong PROGRAM " + code, ld, hcm, "2009-10-15",
						"2009-12-31"))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("title.en");
		assertThat(this.agreements.count()).isEqualTo(before);
	}

	@Test
	void anAmendmentOrARenewalIntoAPeriodWhereAnotherAgreementHoldsTheCodeIsAConflict() {
		String ld = created("/api/v1/organizations", organization(code("LD"))).get("id").asString();
		String hcm = created("/api/v1/organizations", organization(code("HCM"))).get("id").asString();
		String code = code("CTHT");
		String ended = created("/api/v1/agreements", agreement(code, ld, hcm, "2012-12-31")).get("id").asString();
		api().activate(ended);
		this.expiry.expireEnded();
		created("/api/v1/agreements", agreement(code, "Giai đoạn 2016 – 2019 " + code, "2016 – 2019 " + code, ld, hcm,
				"2016-01-01", "2019-12-31"));

		send(this.http.patch(), "/api/v1/agreements/" + ended, "\"5\"",
				"{\"title\":{\"vi\":\"Giai đoạn 2016 – 2019 " + code + "\"},\"note\":\"Đổi tên\"}")
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT);
		send(this.http.post(), "/api/v1/agreements/" + ended + "/renew", "\"5\"", "{\"endsOn\":\"2016-06-30\"}")
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("code");
		send(this.http.post(), "/api/v1/agreements/" + ended + "/renew", "\"5\"", "{\"endsOn\":\"2015-12-31\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.startsOn")
			.isEqualTo("2013-01-01");
	}

	@Test
	void aLifecycleChangeWithoutIfMatchOrWithAStaleOneIsRefusedAndNotPublished() {
		String id = activeAgreement("2029-12-31");

		send(this.http.post(), "/api/v1/agreements/" + id + "/suspend", null, null).expectStatus()
			.isEqualTo(HttpStatus.PRECONDITION_REQUIRED)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		send(this.http.post(), "/api/v1/agreements/" + id + "/suspend", "\"1\"", null).expectStatus()
			.isEqualTo(HttpStatus.PRECONDITION_FAILED)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		send(this.http.post(), "/api/v1/agreements/" + id + "/terminate", "\"4\"", null).expectStatus().isOk();

		List<ConsumerRecord<String, String>> changes = events(id, "org.coophub.agreement.status-changed.v1", 2);
		assertThat(changes).extracting((r) -> this.json.readTree(r.value()).at("/agreement/status").asString())
			.containsExactly("ACTIVE", "TERMINATED");
		assertThat(read("/api/v1/agreements/" + id + "/history").size()).as("created, two acceptances, two changes")
			.isEqualTo(5);
	}

	@Test
	void theFormerUniqueIndexOfTheCodeIsDroppedAndOnlyThat() {
		IndexOperations indexes = this.mongo.indexOps("legacy-code-index-" + UUID.randomUUID());
		indexes.createIndex(new Index("code", Sort.Direction.ASC).named("code").unique());
		indexes.createIndex(new Index("title", Sort.Direction.ASC).named("title").unique());

		assertThat(LegacyCodeIndex.drop(indexes)).isTrue();
		assertThat(indexes.getIndexInfo()).extracting(IndexInfo::getName).doesNotContain("code").contains("title");
		assertThat(LegacyCodeIndex.drop(indexes)).isFalse();
	}

	@Test
	void theExpiryJobIsScheduled() {
		assertThat(this.scheduler.getScheduledTasks()).extracting((task) -> task.getTask().getRunnable().toString())
			.anySatisfy((task) -> assertThat(task).contains("AgreementExpiry.run"));
	}

	@Test
	void theListFindsAgreementsByTextWithoutDiacriticsAndByStatusAndParty() {
		String id = activeAgreement("2029-12-31");
		String party = this.agreements.findById(id).orElseThrow().state().parties().get(0).organizationId();

		JsonNode found = read("/api/v1/agreements?q=lam dong tp.hcm&party=" + party + "&status=ACTIVE");
		assertThat(found.at("/content").size()).isEqualTo(1);
		assertThat(found.at("/content/0/id").asString()).isEqualTo(id);
		assertThat(read("/api/v1/agreements?q=LAM DONG&party=" + party + "&status=DRAFT").at("/content").size())
			.isZero();
		assertThat(read("/api/v1/agreements?q=ha noi&party=" + party).at("/content").size()).isZero();
		assertThat(read("/api/v1/agreements?area=ENVIRONMENT&party=" + party).at("/content").size()).isZero();
		assertThat(read("/api/v1/agreements?area=INVESTMENT_PROMOTION&party=" + party).at("/content/0/id").asString())
			.isEqualTo(id);
	}

	@Test
	void theOpenApiDocumentListsTheNewEndpointsWithVietnameseExamples() {
		JsonNode api = read("/v3/api-docs");
		assertThat(api.at("/paths").propertyNames()).contains("/api/v1/agreements/{id}/renew",
				"/api/v1/agreements/{id}/history", "/api/v1/agreements/{id}/commitments/{commitmentId}",
				"/api/v1/organizations/{id}/deactivate", "/api/v1/agreements/{id}/parties/{organizationId}/accept",
				"/api/v1/agreements/{id}/parties/{organizationId}/decline");
		assertThat(api.toString()).contains("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng", "Gia hạn");
	}

	/**
	 * The first {@code count} distinct events (by id) of a type about an aggregate, in
	 * the order they first arrived. Delivery is at-least-once: a redelivered event
	 * carries the same id and version and consumers skip it, so the test does too.
	 */
	private List<ConsumerRecord<String, String>> events(String key, String type, int count) {
		return await().pollInSameThread().atMost(TopicProbe.DEFAULT_TIMEOUT).until(() -> {
			Set<String> seen = new HashSet<>();
			return this.events.received()
				.stream()
				.filter((r) -> key.equals(r.key()) && type(r).equals(type))
				.filter((r) -> seen.add(TopicProbe.headers(r).get("ce_id")))
				.limit(count)
				.toList();
		}, (records) -> records.size() == count);
	}

	@Test
	void anEditorAmendsOnlyAgreementsTheirOrganizationIsPartyToAndRegistersNoOrganization() {
		String ldCode = code("LD");
		String ld = created("/api/v1/organizations", organization(ldCode)).get("id").asString();
		String hcm = created("/api/v1/organizations", organization(code("HCM"))).get("id").asString();
		String outsiderCode = code("DN");
		created("/api/v1/organizations", organization(outsiderCode));
		String id = created("/api/v1/agreements", agreement(code("CTHT"), ld, hcm, "2029-12-31")).get("id").asString();
		RestTestClient outsider = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("dn-editor", "EDITOR", outsiderCode));
		RestTestClient party = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("ld-editor", "EDITOR", ldCode));

		send(outsider.patch(), "/api/v1/agreements/" + id, "\"1\"", "{\"note\":\"Không phải bên tham gia\"}")
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		send(outsider.post(), "/api/v1/agreements", null, agreement(code("CTHT"), ld, hcm, "2029-12-31")).expectStatus()
			.isForbidden();
		send(outsider.post(), "/api/v1/organizations", null, organization(code("NEW"))).expectStatus().isForbidden();
		send(party.patch(), "/api/v1/agreements/" + id, "\"1\"",
				"{\"areas\":[\"INVESTMENT_PROMOTION\",\"ENVIRONMENT\"],\"note\":\"Bổ sung lĩnh vực\"}")
			.expectStatus()
			.isOk();

		assertThat(read("/api/v1/agreements/" + id + "/history").at("/1/actor").asString()).as("who amended it")
			.isEqualTo("ld-editor@" + ldCode);
		assertThat(TopicProbe.headers(events(id, "org.coophub.agreement.amended.v1", 1).get(0)))
			.as("the CloudEvents extension actor")
			.containsEntry("ce_actor", "ld-editor@" + ldCode);
	}

	/**
	 * Every write endpoint of agreements and organizations, one after the other on the
	 * same agreement: another organization's EDITOR gets 403 and changes nothing (the
	 * version stays), then the party's EDITOR gets 2xx.
	 */
	@Test
	void everyWriteIsRefusedToAnotherOrganizationsEditorAndAllowedToTheParty() {
		String ldCode = code("LD");
		String outsiderCode = code("DN");
		String ld = created("/api/v1/organizations", organization(ldCode)).get("id").asString();
		String hcm = created("/api/v1/organizations", organization(code("HCM"))).get("id").asString();
		String outsiderId = created("/api/v1/organizations", organization(outsiderCode)).get("id").asString();
		RestTestClient outsider = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("dn-editor", "EDITOR", outsiderCode));
		RestTestClient party = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("ld-editor", "EDITOR", ldCode));
		String body = agreement(code("CTHT"), ld, hcm, "2029-12-31");

		send(outsider.post(), "/api/v1/agreements", null, body).expectStatus().isForbidden();
		String id = this.json
			.readTree(send(party.post(), "/api/v1/agreements", null, body).expectStatus()
				.isCreated()
				.expectBody()
				.returnResult()
				.getResponseBody())
			.get("id")
			.asString();
		String agreement = "/api/v1/agreements/" + id;
		send(this.http.post(), agreement + "/parties/" + hcm + "/accept", "\"1\"", null).expectStatus().isOk();
		String commitment = "{\"title\":{\"vi\":\"Giới thiệu vùng nguyên liệu\"},"
				+ "\"area\":\"RAW_MATERIAL_SOURCING\",\"target\":{\"metric\":\"INTRODUCTIONS\",\"perYear\":4}}";
		List<String[]> writes = List.of(
				new String[] { "PATCH", agreement,
						"{\"note\":\"Sửa đổi\",\"areas\":[\"INVESTMENT_PROMOTION\",\"ENVIRONMENT\"]}" },
				new String[] { "POST", agreement + "/activate", null },
				new String[] { "POST", agreement + "/suspend", null },
				new String[] { "POST", agreement + "/resume", null },
				new String[] { "POST", agreement + "/commitments", commitment });
		int version = 2;
		for (String[] write : writes) {
			String ifMatch = "\"" + version + "\"";
			send(method(outsider, write[0]), write[1], ifMatch, write[2]).expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			send(method(party, write[0]), write[1], ifMatch, write[2]).expectStatus().is2xxSuccessful();
			version++;
		}
		String commitmentId = read(agreement).at("/commitments/0/id").asString();
		String ifMatch = "\"" + version + "\"";
		send(outsider.patch(), agreement + "/commitments/" + commitmentId, ifMatch, "{\"status\":\"IN_PROGRESS\"}")
			.expectStatus()
			.isForbidden();
		send(party.patch(), agreement + "/commitments/" + commitmentId, ifMatch, "{\"status\":\"IN_PROGRESS\"}")
			.expectStatus()
			.isOk();
		ifMatch = "\"" + (version + 1) + "\"";
		send(outsider.post(), agreement + "/terminate", ifMatch, null).expectStatus().isForbidden();
		send(party.post(), agreement + "/terminate", ifMatch, null).expectStatus().isOk();

		String own = "/api/v1/organizations/" + ld;
		send(outsider.patch(), own, "\"1\"", "{\"province\":\"Tỉnh Lâm Đồng\"}").expectStatus().isForbidden();
		send(party.patch(), own, "\"1\"", "{\"province\":\"Tỉnh Lâm Đồng\"}").expectStatus().isOk();
		send(party.post(), "/api/v1/organizations/" + outsiderId + "/deactivate", "\"1\"", null).expectStatus()
			.isForbidden();
		send(this.http.post(), "/api/v1/organizations/" + outsiderId + "/deactivate", "\"1\"", null).expectStatus()
			.isOk();
	}

	private static RestTestClient.RequestBodyUriSpec method(RestTestClient client, String method) {
		return "PATCH".equals(method) ? client.patch() : client.post();
	}

	@Test
	void contactsEmailAddressesAreShownToPartiesOfAnAgreementOnly() {
		String ldCode = code("LD");
		String hcmCode = code("HCM");
		String outsiderCode = code("DN");
		String ld = created("/api/v1/organizations", organization(ldCode)).get("id").asString();
		String hcm = created("/api/v1/organizations", organization(hcmCode)).get("id").asString();
		created("/api/v1/organizations", organization(outsiderCode));
		String id = created("/api/v1/agreements", agreement(code("CTHT"), ld, hcm, "2029-12-31")).get("id").asString();
		assertThat(contactEmail(hcmCode, ld)).as("a party's viewer while both parties are pending").isEmpty();
		api().acceptAll(id);

		assertThat(contactEmail(hcmCode, ld)).as("a party's viewer")
			.isEqualTo("vanphong@" + ldCode.toLowerCase() + ".example");
		assertThat(contactEmail(ldCode, ld)).as("their own organization").isNotEmpty();
		assertThat(contactEmail(outsiderCode, ld)).as("an organization with no agreement with it").isEmpty();
		assertThat(read("/api/v1/organizations/" + ld).at("/contacts/0/email").asString()).as("the secretariat")
			.isNotEmpty();
	}

	private String contactEmail(String readerOrganization, String organizationId) {
		RestTestClient viewer = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("viewer", "VIEWER", readerOrganization));
		JsonNode organization = this.json.readTree(viewer.get()
			.uri("/api/v1/organizations/" + organizationId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(organization.at("/contacts/0/name").asString()).as("the contact itself is shown").isNotEmpty();
		return organization.at("/contacts/0/email").asString("");
	}

	private String activeAgreement(String endsOn) {
		String ld = created("/api/v1/organizations", organization(code("LD"))).get("id").asString();
		String hcm = created("/api/v1/organizations", organization(code("HCM"))).get("id").asString();
		String id = created("/api/v1/agreements", agreement(code("CTHT"), ld, hcm, endsOn)).get("id").asString();
		api().activate(id);
		return id;
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

	private static String code(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private static String organization(String code) {
		return """
				{"code":"%s","name":{"vi":"Ban Quản lý %s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
				 "contacts":[{"name":"Văn phòng","email":"vanphong@%s.example","language":"vi"}]}
				""".formatted(code, code, code.toLowerCase());
	}

	/**
	 * An agreement from 2009-10-15, titled after its code: titles are unique per period.
	 */
	private static String agreement(String code, String lead, String partner, String endsOn) {
		return agreement(code, "Chương trình hợp tác Lâm Đồng – TP.HCM " + code, "Cooperation program " + code, lead,
				partner, "2009-10-15", endsOn);
	}

	/**
	 * An agreement signed on 2009-10-15; {@code endsOn} null for one without an end.
	 */
	private static String agreement(String code, String vi, String en, String lead, String partner, String startsOn,
			String endsOn) {
		return """
				{"code":"%s","title":{"vi":"%s","en":"%s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"%s","endsOn":%s,"areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, vi, en, lead, partner, startsOn, (endsOn != null) ? "\"" + endsOn + "\"" : "null",
				partner, lead, partner);
	}

	private static String type(ConsumerRecord<String, String> record) {
		return TopicProbe.headers(record).getOrDefault("ce_type", "");
	}

}
