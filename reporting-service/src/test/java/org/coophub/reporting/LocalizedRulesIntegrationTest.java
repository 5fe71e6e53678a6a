package org.coophub.reporting;

import java.util.Map;

import org.coophub.testsupport.LocalizedProblems;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coophub.testsupport.LocalizedProblems.fieldMessages;
import static org.coophub.testsupport.LocalizedProblems.language;
import static org.coophub.testsupport.LocalizedProblems.problem;

/**
 * reporting-service's own rules answer in the reader's language (docs/api.md, "Errors"):
 * Vietnamese for {@code Accept-Language: vi} from its {@code messages_vi.properties},
 * English as before without one. A report's year, a calendar window, an unknown
 * organization to subscribe to and a calendar feed that does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class LocalizedRulesIntegrationTest {

	static final String VI = LocalizedProblems.VIETNAMESE;

	@LocalServerPort
	int port;

	@Test
	void aReportOfAYearOutOfRangeIsRefusedInTheReadersLanguage() {
		String uri = "/api/v1/agreements/no-such-agreement/reports/1800.pdf";
		JsonNode vi = problem(get(uri, VI), 422);
		assertThat(vi.get("title").asString()).isEqualTo("Vi phạm quy tắc nghiệp vụ");
		assertThat(vi.get("detail").asString()).isEqualTo("phải là một năm từ 1990 đến 2200");
		assertThat(fieldMessages(vi)).containsExactly(Map.entry("year", "phải là một năm từ 1990 đến 2200"));

		JsonNode en = problem(get(uri, null), 422);
		assertThat(en.get("title").asString()).isEqualTo("Rule violated");
		assertThat(en.get("detail").asString()).isEqualTo("must be a year between 1990 and 2200");
	}

	@Test
	void aCalendarWindowEndingTooLateIsRefusedNamingTo() {
		String uri = "/api/v1/calendar?from=2026-12-01&to=2028-01-06";
		JsonNode vi = problem(get(uri, VI), 400);
		assertThat(vi.get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
		assertThat(vi.get("detail").asString())
			.isEqualTo("Các trường không hợp lệ: to (không được quá 400 ngày sau ngày from)");
		assertThat(fieldMessages(vi)).containsExactly(Map.entry("to", "không được quá 400 ngày sau ngày from"));

		JsonNode en = problem(get(uri, null), 400);
		assertThat(en.get("title").asString()).isEqualTo("Invalid request");
		assertThat(en.get("detail").asString()).isEqualTo("Invalid fields: to (must be at most 400 days after from)");
		assertThat(fieldMessages(en)).containsExactly(Map.entry("to", "must be at most 400 days after from"));
	}

	@Test
	void aSubscriptionToAnUnknownOrganizationAndAnUnknownFeedAnswerInTheReadersLanguage() {
		JsonNode vi = problem(subscribe(Map.of("organizationId", "no-such-org"), VI), 422);
		assertThat(fieldMessages(vi)).containsExactly(Map.entry("organizationId", "không có tổ chức nào mang id này"));
		JsonNode en = problem(subscribe(Map.of("organizationId", "no-such-org"), "en"), 422);
		assertThat(fieldMessages(en))
			.containsExactly(Map.entry("organizationId", "no organization with this id is known"));

		// the kind a NotFoundException names is in this service's bundle, not the
		// platform's
		JsonNode missing = problem(delete("/api/v1/calendar/feeds/no-such-feed", VI), 404);
		assertThat(missing.get("title").asString()).isEqualTo("Không tìm thấy");
		assertThat(missing.get("detail").asString()).isEqualTo("Đường dẫn lịch no-such-feed không tồn tại");
		assertThat(problem(delete("/api/v1/calendar/feeds/no-such-feed", null), 404).get("detail").asString())
			.isEqualTo("Calendar feed no-such-feed does not exist");
	}

	@Test
	void everyMessageHasItsVietnamese() {
		LocalizedProblems.assertEveryMessageHasItsVietnamese("messages");
	}

	private RestTestClient.ResponseSpec get(String uri, String language) {
		return ServiceClients.asAdmin(this.port).get().uri(uri).headers(language(language)).exchange();
	}

	private RestTestClient.ResponseSpec delete(String uri, String language) {
		return ServiceClients.asAdmin(this.port).delete().uri(uri).headers(language(language)).exchange();
	}

	private RestTestClient.ResponseSpec subscribe(Map<String, String> body, String language) {
		return ServiceClients.asAdmin(this.port)
			.post()
			.uri("/api/v1/calendar/feeds")
			.headers(language(language))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

}
