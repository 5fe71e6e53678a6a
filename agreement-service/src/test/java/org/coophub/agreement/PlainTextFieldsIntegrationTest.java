package org.coophub.agreement;

import java.util.UUID;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free text of organizations, contacts and lifecycle notes is plain text: a bidi
 * override, a NUL or an escape in it answers 400 naming the field, and nothing is stored.
 * Vietnamese text and line breaks in notes pass unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class PlainTextFieldsIntegrationTest {

	/** JSON escapes: the request carries the characters themselves. */
	static final String RIGHT_TO_LEFT_OVERRIDE = "\\u202e";

	static final String NUL = "\\u0000";

	static final String ESCAPE = "\\u001b";

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
	void aContactsNameRoleOrDepartmentWithAControlCharacterIsRefused() {
		String[][] cases = { { "name", "Văn phòng" + RIGHT_TO_LEFT_OVERRIDE + "gpj.exe", "contacts[0].name" },
				{ "role", "Đầu mối" + ESCAPE + "[2J", "contacts[0].role" },
				{ "department", "Phòng" + NUL + "Đầu tư", "contacts[0].department" } };
		for (String[] field : cases) {
			String code = code("ORG");
			String body = """
					{"code":"%s","name":{"vi":"Ban Quản lý %s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
					 "contacts":[{"name":"Văn phòng","email":"vanphong@ld.example","%s":"%s"}]}
					"""
				.formatted(code, code, field[0], field[1]);
			refused(this.http.post(), "/api/v1/organizations", null, body, field[2]);
			assertThat(this.mongo.count(Query.query(Criteria.where("code").is(code)), "organizations")).isZero();
		}
	}

	@Test
	void anOrganizationsProvinceOrDepartmentWithABidiOverrideIsRefusedAlsoWhenChanged() {
		String code = code("ORG");
		refused(this.http.post(), "/api/v1/organizations", null, """
				{"code":"%s","name":{"vi":"Ban Quản lý %s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY",
				 "departments":["Văn phòng","Phòng %sĐầu tư"]}
				""".formatted(code, code, RIGHT_TO_LEFT_OVERRIDE), "departments[1]");
		assertThat(this.mongo.count(Query.query(Criteria.where("code").is(code)), "organizations")).isZero();

		String id = organization(code);
		refused(this.http.patch(), "/api/v1/organizations/" + id, "\"1\"", """
				{"province":"Lâm %sĐồng"}
				""".formatted(RIGHT_TO_LEFT_OVERRIDE), "province");
		JsonNode stored = read("/api/v1/organizations/" + id);
		assertThat(stored.path("version").asLong()).isEqualTo(1);
		assertThat(stored.path("province").asString()).isEqualTo("Lâm Đồng");
	}

	@Test
	void aLifecycleOrAmendmentNoteWithAControlCharacterIsRefusedButLineBreaksPass() {
		String ld = organization(code("LD"));
		String hcm = organization(code("HCM"));
		String agreement = created("/api/v1/agreements", agreement(code("CTHT"), ld, hcm)).path("id").asString();
		String path = "/api/v1/agreements/" + agreement;

		refused(this.http.post(), path + "/activate", "\"1\"", """
				{"note":"Ký kết %s ngày 15/10/2009"}
				""".formatted(RIGHT_TO_LEFT_OVERRIDE), "note");
		refused(this.http.patch(), path, "\"1\"", """
				{"endsOn":"2030-12-31","note":"Gia hạn%s"}
				""".formatted(ESCAPE), "note");
		JsonNode unchanged = read(path);
		assertThat(unchanged.path("version").asLong()).isEqualTo(1);
		assertThat(unchanged.path("status").asString()).isEqualTo("DRAFT");

		String note = "Gia hạn đến hết năm 2030\ntheo biên bản sơ kết ngày 06/11/2012";
		send(this.http.patch(), path, "\"1\"", """
				{"endsOn":"2030-12-31","note":"Gia hạn đến hết năm 2030\\ntheo biên bản sơ kết ngày 06/11/2012"}
				""").expectStatus().isOk();
		JsonNode history = this.json.readTree(this.http.get()
			.uri(path + "/history")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(history.findValuesAsString("note")).contains(note);
	}

	private void refused(RestTestClient.RequestBodyUriSpec method, String path, String ifMatch, String body,
			String field) {
		send(method, path, ifMatch, body).expectStatus()
			.isEqualTo(HttpStatus.BAD_REQUEST)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	private String organization(String code) {
		return created("/api/v1/organizations",
				"""
						{"code":"%s","name":{"vi":"Ban Quản lý %s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
						 "contacts":[{"name":"Văn phòng","email":"vanphong@%s.example","role":"Đầu mối hợp tác","language":"vi"}]}
						"""
					.formatted(code, code, code.toLowerCase()))
			.path("id")
			.asString();
	}

	private static String agreement(String code, String lead, String partner) {
		return """
				{"code":"%s","title":{"vi":"Chương trình hợp tác %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2029-12-31","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, code, lead, partner, partner, lead, partner);
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

}
