package org.coophub.agreement;

import java.util.UUID;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coophub.testsupport.LocalizedProblems.fieldMessage;

/**
 * agreement-service's own rule, constraint and conflict messages answer in the language
 * the request prefers: Vietnamese from the service's {@code messages_vi} and
 * {@code ValidationMessages_vi}, English (the exceptions' own messages) otherwise. Field
 * names and statuses stay the same in both; nothing is stored when a request fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class LocalizedRuleMessagesIntegrationTest {

	private static final String VIETNAMESE = LocalizedProblems.VIETNAMESE;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	RestTestClient http;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
	}

	@Test
	void anAgreementEndingBeforeItStartsIsRefusedInTheRequestsLanguage() {
		String ld = organization(code("LD"));
		String hcm = organization(code("HCM"));
		String code = code("CTHT");
		String body = agreement(code, ld, hcm).replace("\"endsOn\":\"2029-12-31\"", "\"endsOn\":\"2009-01-01\"");

		JsonNode vi = problem("/api/v1/agreements", body, VIETNAMESE, HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(vi.at("/title").asString()).isEqualTo("Vi phạm quy tắc nghiệp vụ");
		assertThat(vi.at("/errors/0/field").asString()).isEqualTo("endsOn");
		assertThat(vi.at("/errors/0/message").asString())
			.isEqualTo("Ngày kết thúc của thỏa thuận phải sau ngày bắt đầu");
		assertThat(vi.at("/detail").asString()).isEqualTo("Ngày kết thúc của thỏa thuận phải sau ngày bắt đầu");

		JsonNode en = problem("/api/v1/agreements", body, null, HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(en.at("/errors/0/field").asString()).isEqualTo("endsOn");
		assertThat(en.at("/errors/0/message").asString()).isEqualTo("The agreement must end after it starts");
		assertThat(this.mongo.count(Query.query(Criteria.where("code").is(code)), "agreements")).isZero();
	}

	@Test
	void aMalformedCodeOrContactLanguageIsRefusedInTheRequestsLanguage() {
		String body = """
				{"code":"ban ql","name":{"vi":"Ban Quản lý"},"kind":"INDUSTRIAL_ZONE_AUTHORITY",
				 "contacts":[{"name":"Văn phòng","email":"vanphong@ld.example","language":"fr"}]}
				""";

		JsonNode vi = problem("/api/v1/organizations", body, "vi", HttpStatus.BAD_REQUEST);
		assertThat(fieldMessage(vi, "code")).isEqualTo("chỉ gồm chữ in hoa, chữ số, “.”, “_” hoặc “-”");
		assertThat(fieldMessage(vi, "contacts[0].language")).isEqualTo("phải là vi hoặc en");

		JsonNode en = problem("/api/v1/organizations", body, "en", HttpStatus.BAD_REQUEST);
		assertThat(fieldMessage(en, "code")).isEqualTo("must be upper-case letters, digits, '.', '_' or '-'");
		assertThat(fieldMessage(en, "contacts[0].language")).isEqualTo("must be vi or en");
		assertThat(this.mongo.count(Query.query(Criteria.where("code").is("ban ql")), "organizations")).isZero();
	}

	@Test
	void anIllegalTransitionAndADuplicateCodeAreExplainedInTheRequestsLanguage() {
		String ld = organization(code("LD"));
		String hcm = organization(code("HCM"));
		String code = code("CTHT");
		String id = new JsonApi(this.http, this.json).created("/api/v1/agreements", agreement(code, ld, hcm))
			.path("id")
			.asString();

		JsonNode vi = problem("/api/v1/agreements/" + id + "/suspend", null, VIETNAMESE, HttpStatus.CONFLICT);
		assertThat(vi.at("/title").asString()).isEqualTo("Không thể chuyển trạng thái");
		assertThat(vi.at("/detail").asString()).isEqualTo("Thỏa thuận " + code
				+ " đang ở trạng thái DRAFT, không thể thực hiện “suspend”; từ DRAFT được phép: activate");
		assertThat(vi.at("/currentStatus").asString()).isEqualTo("DRAFT");
		JsonNode en = problem("/api/v1/agreements/" + id + "/suspend", null, null, HttpStatus.CONFLICT);
		assertThat(en.at("/title").asString()).isEqualTo("Illegal status transition");
		assertThat(en.at("/detail").asString()).startsWith("Agreement " + code + " is DRAFT and cannot suspend");

		String organizationCode = code("LD");
		organization(organizationCode);
		String again = organizationBody(organizationCode);
		assertThat(problem("/api/v1/organizations", again, "vi", HttpStatus.CONFLICT).at("/detail").asString())
			.isEqualTo("Đã có một tổ chức mang mã " + organizationCode);
		assertThat(problem("/api/v1/organizations", again, null, HttpStatus.CONFLICT).at("/detail").asString())
			.isEqualTo("An organization with code " + organizationCode + " already exists");
		assertThat(this.mongo.count(Query.query(Criteria.where("code").is(organizationCode)), "organizations"))
			.isEqualTo(1);
	}

	/**
	 * POSTs what must fail, with an If-Match of version 1 and the given Accept-Language.
	 */
	@Test
	void everyConstraintMessageHasItsVietnamese() {
		// the rules' English is the exceptions' own text: only their Vietnamese is a
		// bundle
		LocalizedProblems.assertEveryMessageHasItsVietnamese("ValidationMessages");
	}

	private JsonNode problem(String path, String body, String acceptLanguage, HttpStatus status) {
		RestTestClient.RequestBodySpec request = this.http.post().uri(path).header(HttpHeaders.IF_MATCH, "\"1\"");
		if (acceptLanguage != null) {
			request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return this.json.readTree(request.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	private String organization(String code) {
		return new JsonApi(this.http, this.json).created("/api/v1/organizations", organizationBody(code))
			.path("id")
			.asString();
	}

	private static String organizationBody(String code) {
		return """
				{"code":"%s","name":{"vi":"Ban Quản lý %s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng"}
				""".formatted(code, code);
	}

	private static String agreement(String code, String lead, String partner) {
		return """
				{"code":"%s","title":{"vi":"Chương trình hợp tác %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2029-12-31","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, code, lead, partner, partner, lead, partner);
	}

	private static String code(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
