package org.coophub.activity.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.coophub.activity.ActivityRecordingIntegrationTest;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.platform.paging.ListPages;
import org.coophub.platform.text.SearchTokens;
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
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The activity list answers free text from the activities' search tokens, with and
 * without diacritics and by prefix, beside the other filters; it is paged at most 200 a
 * page and sorted only by an indexed field; a search's total counts at most a bound of
 * matches and says when it stopped; activities stored before they kept tokens are found
 * once the backfill has run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = ListPages.BOUND_PROPERTY + "=" + ActivitySearchIntegrationTest.BOUND)
@WithInfrastructure
class ActivitySearchIntegrationTest {

	/** The bound of a search's total here: small, so that few activities exceed it. */
	static final int BOUND = 5;

	static final String LD = ActivityRecordingIntegrationTest.LD;

	static final String HCM = ActivityRecordingIntegrationTest.HCM;

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ActivityTokenBackfill backfill;

	RestTestClient http;

	String agreementId;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		this.agreementId = UUID.randomUUID().toString();
		AgreementCreated created = new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.agreementId,
				2, ActivityRecordingIntegrationTest.agreement(this.agreementId, AgreementStatus.ACTIVE));
		this.events.send(OutboxEntry.of(created, this.json.writeValueAsString(created)));
		await().until(() -> this.mongo.findById(this.agreementId, Document.class, "known_agreements") != null);
	}

	@Test
	void freeTextFindsByTitleDescriptionPlaceAndTopicWithOrWithoutDiacriticsAndByPrefix() {
		String conference = record("INVESTMENT_PROMOTION_CONFERENCE", "Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng",
				null, "2012-05-18T08:00:00", "TP. Hồ Chí Minh", null);
		String exchange = record("EXPERIENCE_EXCHANGE", "Trao đổi kinh nghiệm",
				"Chia sẻ quy trình một cửa liên thông tại Đà Lạt", "2013-03-07T08:00:00", null,
				"{\"topic\":\"ISO 9001:2008\"}");
		String match = record("SPORTS_EVENT", "Giải bóng đá giao hữu", null, "2014-10-15T07:00:00", null, null);

		assertThat(ids("&q=lam dong")).containsExactly(conference);
		assertThat(ids("&q=LÂM ĐỒNG")).containsExactly(conference);
		assertThat(ids("&q=lam d")).containsExactly(conference);
		assertThat(ids("&q=hoi ngh xuc")).containsExactly(conference);
		assertThat(ids("&q=ho chi minh")).containsExactly(conference);
		assertThat(ids("&q=Đà Lạt")).containsExactly(exchange);
		assertThat(ids("&q=mot cua lien")).containsExactly(exchange);
		assertThat(ids("&q=iso 9001")).containsExactly(exchange);
		assertThat(ids("&q=bong da")).containsExactly(match);
		assertThat(ids("&q=lam dong bong")).isEmpty();
		assertThat(ids("&q=.*")).isEmpty();
		assertThat(ids("&q=$ne: null")).isEmpty();
		assertThat(ids("&q= ")).containsExactly(conference, exchange, match);
	}

	@Test
	void freeTextIsNarrowedByTheOtherFiltersAndListsAreSortedByTheirStart() {
		String conference = record("INVESTMENT_PROMOTION_CONFERENCE", "Hội nghị xúc tiến đầu tư Lâm Đồng", null,
				"2012-05-18T08:00:00", null, null);
		String sports = record("SPORTS_EVENT", "Giải bóng đá Lâm Đồng", null, "2011-10-15T07:00:00", null, null);
		String review = record("SPORTS_EVENT", "Giải chạy Lâm Đồng", null, "2010-01-15T07:00:00", null, null);

		assertThat(ids("&q=lam dong")).containsExactly(review, sports, conference);
		assertThat(ids("&q=lam dong&type=SPORTS_EVENT")).containsExactly(review, sports);
		assertThat(ids("&q=lam dong&type=SPORTS_EVENT&from=2011-01-01")).containsExactly(sports);
		assertThat(ids("&q=lam dong&sort=startsAt,desc")).containsExactly(conference, sports, review);
		JsonNode page = list("&q=lam&size=2&page=1");
		assertThat(page.at("/page/totalElements").asInt()).isEqualTo(3);
		assertThat(page.at("/page").has("totalCapped")).as("an exact total is not capped").isFalse();
		assertThat(page.at("/content/0/id").asString()).isEqualTo(conference);
		assertThat(list("?q=lam dong&agreementId=" + UUID.randomUUID()).at("/page/totalElements").asInt()).isZero();
	}

	@Test
	void aSearchTotalStopsAtTheBoundAndSaysSoWhileEveryPageIsStillServed() {
		for (int n = 0; n < BOUND + 2; n++) {
			record("TRAINING", "Tập huấn Bảo Lộc " + n, null, "2015-03-0" + (n + 1) + "T08:00:00", null, null);
		}

		JsonNode first = list("&q=bao loc&size=2");
		assertThat(first.at("/content").size()).isEqualTo(2);
		assertThat(first.at("/page/totalElements").asInt()).isEqualTo(BOUND);
		assertThat(first.at("/page/totalPages").asInt()).isEqualTo(3);
		assertThat(first.at("/page/totalCapped").asBoolean()).isTrue();
		// the last page lies past the bound: served, and its total is exact again
		JsonNode last = list("&q=bao loc&size=2&page=3");
		assertThat(last.at("/content/0/title/vi").asString()).isEqualTo("Tập huấn Bảo Lộc 6");
		assertThat(last.at("/page/totalElements").asInt()).isEqualTo(BOUND + 2);
		assertThat(last.at("/page").has("totalCapped")).isFalse();
		// without free text the list is one agreement's: its total is exact
		JsonNode all = list("&size=2");
		assertThat(all.at("/page/totalElements").asInt()).isEqualTo(BOUND + 2);
		assertThat(all.at("/page").has("totalCapped")).isFalse();
		// as many matches as the bound: exact
		JsonNode asMany = list("&q=bao loc&type=TRAINING&to=2015-03-05&size=2");
		assertThat(asMany.at("/page/totalElements").asInt()).isEqualTo(BOUND);
		assertThat(asMany.at("/page").has("totalCapped")).isFalse();
	}

	@Test
	void aSortByAFieldThatIsNotIndexedIsABadRequestNamingSort() {
		for (String sort : List.of("details.description", "title", "contacts.email", "_id")) {
			problem("&sort=" + sort, "sort");
		}
	}

	@Test
	void aPageOfMoreThanTwoHundredIsABadRequestNamingSize() {
		problem("&size=201", "size");
		problem("&size=5000", "size");
		assertThat(list("&size=200").at("/page/size").asInt()).isEqualTo(200);
	}

	@Test
	void activitiesStoredBeforeTheyKeptTokensAreFoundOnceTheBackfillHasRun() {
		String old = record("TRAINING", "Tập huấn một cửa liên thông ở Bảo Lộc", null, "2011-06-01T08:00:00", null,
				null);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(old)),
				new Update().unset(SearchTokens.FIELD).set("searchText", "tap huan mot cua lien thong o bao loc"),
				"activities");
		assertThat(ids("&q=bao loc")).isEmpty();

		this.backfill.fill();

		assertThat(ids("&q=bao loc")).containsExactly(old);
		assertThat(this.mongo.findById(old, Document.class, "activities").getList(SearchTokens.FIELD, String.class))
			.contains("bao", "loc", "lien", "li", "ta");
		assertThat(this.backfill.fill()).as("nothing is left to fill").isZero();
	}

	@Test
	void theFiltersAndTheSortHaveIndexes() {
		List<List<String>> keys = this.mongo.indexOps("activities")
			.getIndexInfo()
			.stream()
			.map((IndexInfo index) -> index.getIndexFields().stream().map((field) -> field.getKey()).toList())
			.toList();
		assertThat(keys).contains(List.of(SearchTokens.FIELD), List.of("agreementId", "details.startsAt", "_id"),
				List.of("details.startsAt", "_id"));
	}

	private String record(String type, String titleVi, String description, String startsAt, String province,
			String outcomes) {
		String body = """
				{"agreementId":"%s","type":"%s","title":{"vi":"%s"},"description":%s,
				 "startsAt":"%s","endsAt":"%s","location":%s,
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"COMPLETED","outcomes":%s}
				""".formatted(this.agreementId, type, titleVi, quoted(description), startsAt, startsAt,
				(province != null) ? "{\"province\":\"" + province + "\"}" : "null", HCM, LD,
				(outcomes != null) ? outcomes : "null");
		var result = this.http.post()
			.uri("/api/v1/activities")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult();
		return this.json.readTree(result.getResponseBody()).get("id").asString();
	}

	private static String quoted(String text) {
		return (text != null) ? "\"" + text + "\"" : "null";
	}

	private List<String> ids(String parameters) {
		return StreamSupport.stream(list(parameters).get("content").spliterator(), false)
			.map((activity) -> activity.get("id").asString())
			.toList();
	}

	private JsonNode list(String parameters) {
		String uri = parameters.startsWith("?") ? "/api/v1/activities" + parameters
				: "/api/v1/activities?agreementId=" + this.agreementId + parameters;
		var result = this.http.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult();
		return this.json.readTree(result.getResponseBody());
	}

	private void problem(String parameters, String field) {
		var result = this.http.get()
			.uri("/api/v1/activities?agreementId=" + this.agreementId + parameters)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult();
		assertThat(this.json.readTree(result.getResponseBody()).at("/errors/0/field").asString()).as(parameters)
			.isEqualTo(field);
	}

}
