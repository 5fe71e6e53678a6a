package org.coophub.agreement.agreement;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.coophub.agreement.JsonApi;
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

/**
 * The agreement list answers free text from the agreements' search tokens (code, titles,
 * commitments' titles), with and without diacritics and by prefix, beside the other
 * filters; agreement and organization lists are paged at most 200 a page and sorted only
 * by indexed fields; a search's total counts at most a bound of matches and says when it
 * stopped; agreements stored before they kept tokens are found once the backfill has run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = ListPages.BOUND_PROPERTY + "=" + AgreementSearchIntegrationTest.BOUND)
@WithInfrastructure
class AgreementSearchIntegrationTest {

	/** The bound of a search's total here: small, so that few agreements exceed it. */
	static final int BOUND = 5;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AgreementTokenBackfill backfill;

	RestTestClient http;

	String ld;

	String hcm;

	String suffix;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		this.suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.ld = created("/api/v1/organizations", organization("LD-" + this.suffix)).get("id").asString();
		this.hcm = created("/api/v1/organizations", organization("HCM-" + this.suffix)).get("id").asString();
	}

	@Test
	void freeTextFindsByCodeTitlesAndCommitmentsWithOrWithoutDiacriticsAndByPrefix() {
		String program = agreement("CTHT-" + this.suffix, "Chương trình hợp tác Lâm Đồng " + this.suffix,
				"Cooperation program " + this.suffix);
		String technical = agreement("HTKT-" + this.suffix, "Hợp tác kỹ thuật Bảo Lộc " + this.suffix,
				"Technical cooperation " + this.suffix);

		assertThat(ids("&q=lam dong")).containsExactly(program);
		assertThat(ids("&q=LÂM ĐỒNG")).containsExactly(program);
		assertThat(ids("&q=lam d")).containsExactly(program);
		assertThat(ids("&q=ctht")).containsExactly(program);
		assertThat(ids("&q=CTHT-" + this.suffix)).containsExactly(program);
		assertThat(ids("&q=bảo lộc")).containsExactly(technical);
		assertThat(ids("&q=technical coop")).containsExactly(technical);
		assertThat(ids("&q=hop tac")).containsExactly(program, technical);
		assertThat(ids("&q=da lat")).isEmpty();

		this.http.post()
			.uri("/api/v1/agreements/" + program + "/commitments")
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"title":{"vi":"Xúc tiến đầu tư vào Đà Lạt","en":"Investment promotion in Da Lat"},
					 "area":"INVESTMENT_PROMOTION"}""")
			.exchange()
			.expectStatus()
			.isCreated();

		assertThat(ids("&q=da lat")).as("a commitment's title, kept with the change").containsExactly(program);
		assertThat(ids("&q=Đà Lạt xúc")).containsExactly(program);
		assertThat(ids("&q=.*")).isEmpty();
		assertThat(ids("&q=lam dong&status=ACTIVE")).isEmpty();
		assertThat(ids("&q=lam dong&status=DRAFT&area=INVESTMENT_PROMOTION")).containsExactly(program);
		assertThat(list("?q=lam dong " + this.suffix + "&party=" + UUID.randomUUID()).at("/page/totalElements").asInt())
			.isZero();
	}

	@Test
	void agreementsAreSortedByCodeOrSigningOnlyAndAtMostTwoHundredAPage() {
		String second = agreement("HTKT-" + this.suffix, "Hợp tác kỹ thuật " + this.suffix, "Technical " + this.suffix);
		String first = agreement("CTHT-" + this.suffix, "Chương trình " + this.suffix, "Program " + this.suffix);

		assertThat(ids("")).containsExactly(first, second);
		assertThat(ids("&sort=code,desc")).containsExactly(second, first);
		assertThat(ids("&sort=signedOn")).containsExactlyInAnyOrder(first, second);
		for (String sort : List.of("title.vi", "parties.organizationId", "history.actor", "_id")) {
			problem("/api/v1/agreements?party=" + this.ld + "&sort=" + sort, "sort");
		}
		problem("/api/v1/agreements?size=201", "size");
		assertThat(list("&size=200").at("/page/size").asInt()).isEqualTo(200);
	}

	@Test
	void aSearchTotalStopsAtTheBoundAndSaysSoWhileEveryPageIsStillServed() {
		for (int n = 0; n < BOUND + 2; n++) {
			String place = (n < BOUND) ? "Bảo Lộc Đà Lạt" : "Bảo Lộc";
			agreement("BL" + n + "-" + this.suffix, "Hợp tác " + place + " " + n + " " + this.suffix,
					"Cooperation " + n + " " + this.suffix);
		}

		JsonNode first = list("&q=bao loc " + this.suffix + "&size=2");
		assertThat(first.at("/content").size()).isEqualTo(2);
		assertThat(first.at("/page/totalElements").asInt()).isEqualTo(BOUND);
		assertThat(first.at("/page/totalPages").asInt()).isEqualTo(3);
		assertThat(first.at("/page/totalCapped").asBoolean()).isTrue();
		// the last page lies past the bound: served, and its total is exact again
		JsonNode last = list("&q=bao loc " + this.suffix + "&size=2&page=3");
		assertThat(last.at("/content/0/code").asString()).isEqualTo("BL6-" + this.suffix);
		assertThat(last.at("/page/totalElements").asInt()).isEqualTo(BOUND + 2);
		assertThat(last.at("/page").has("totalCapped")).isFalse();
		// without free text the total is exact
		JsonNode all = list("&size=2");
		assertThat(all.at("/page/totalElements").asInt()).isEqualTo(BOUND + 2);
		assertThat(all.at("/page").has("totalCapped")).isFalse();
		// as many matches as the bound: exact
		JsonNode asMany = list("&q=da lat " + this.suffix + "&size=2");
		assertThat(asMany.at("/page/totalElements").asInt()).isEqualTo(BOUND);
		assertThat(asMany.at("/page").has("totalCapped")).isFalse();
	}

	@Test
	void organizationsAreSortedByCodeOnlySoHiddenAddressesCannotBeBisected() {
		JsonNode page = read("/api/v1/organizations?sort=code,desc&size=200");
		List<String> codes = StreamSupport.stream(page.get("content").spliterator(), false)
			.map((organization) -> organization.get("code").asString())
			.toList();
		assertThat(codes).contains("LD-" + this.suffix, "HCM-" + this.suffix)
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		problem("/api/v1/organizations?sort=contacts.email", "sort");
		problem("/api/v1/organizations?sort=name.vi,desc", "sort");
		problem("/api/v1/organizations?size=1000", "size");
	}

	@Test
	void agreementsStoredBeforeTheyKeptTokensAreFoundOnceTheBackfillHasRun() {
		String old = agreement("CTCU-" + this.suffix, "Chương trình cũ Đơn Dương " + this.suffix,
				"Old program " + this.suffix);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(old)),
				new Update().unset(SearchTokens.FIELD).set("searchText", "chuong trinh cu don duong"), "agreements");
		assertThat(ids("&q=don duong")).isEmpty();

		this.backfill.fill();

		assertThat(ids("&q=don duong")).containsExactly(old);
		assertThat(this.mongo.findById(old, Document.class, "agreements").getList(SearchTokens.FIELD, String.class))
			.contains("ctcu", "ct", "don", "duong", "du", "old");
		assertThat(this.backfill.fill()).as("nothing is left to fill").isZero();
	}

	@Test
	void theFiltersAndSortsHaveIndexes() {
		List<List<String>> keys = this.mongo.indexOps("agreements")
			.getIndexInfo()
			.stream()
			.map((IndexInfo index) -> index.getIndexFields().stream().map((field) -> field.getKey()).toList())
			.toList();
		assertThat(keys).contains(List.of(SearchTokens.FIELD), List.of("code", "_id"), List.of("signedOn", "_id"),
				List.of("status", "code", "_id"), List.of("parties.organizationId", "code", "_id"),
				List.of("areas", "code", "_id"));
		assertThat(this.mongo.indexOps("organizations").getIndexInfo())
			.anySatisfy((index) -> assertThat(index.getName()).isEqualTo("code_id"));
	}

	private String agreement(String code, String vi, String en) {
		return created("/api/v1/agreements", """
				{"code":"%s","title":{"vi":"%s","en":"%s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2029-12-31","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, vi, en, this.ld, this.hcm, this.hcm, this.ld, this.hcm)).get("id").asString();
	}

	private static String organization(String code) {
		return """
				{"code":"%s","name":{"vi":"Ban Quản lý %s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
				 "contacts":[{"name":"Văn phòng","email":"vanphong@%s.example","language":"vi"}]}
				""".formatted(code, code, code.toLowerCase());
	}

	private List<String> ids(String parameters) {
		return StreamSupport.stream(list(parameters).get("content").spliterator(), false)
			.map((agreement) -> agreement.get("id").asString())
			.toList();
	}

	private JsonNode list(String parameters) {
		return read(parameters.startsWith("?") ? "/api/v1/agreements" + parameters
				: "/api/v1/agreements?party=" + this.ld + parameters);
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

	private void problem(String path, String field) {
		var result = this.http.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult();
		assertThat(this.json.readTree(result.getResponseBody()).at("/errors/0/field").asString()).as(path)
			.isEqualTo(field);
	}

}
