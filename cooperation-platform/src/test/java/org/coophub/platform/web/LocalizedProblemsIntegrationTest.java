package org.coophub.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.ForbiddenException;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.problem.StaleVersionException;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problem details in the language the request asks for, on a real server with the
 * platform's auto-configuration: Vietnamese for {@code Accept-Language: vi}, English
 * without one (exactly the texts the services' tests know), for a French one and for
 * {@code en}. Bean Validation's messages, the platform's own texts, a service's key from
 * its message source, Spring MVC's 405 and the 413 of the input limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=problems-test", "spring.mongodb.database=problems-test" })
@WithInfrastructure
class LocalizedProblemsIntegrationTest {

	static final String VI = "vi-VN,vi;q=0.9,en;q=0.8";

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private static final String INVALID = "{\"title\":\" \",\"contact\":\"not-an-address\",\"rooms\":12,"
			+ "\"note\":\"a\\u202Eb\"}";

	@Test
	void aFieldErrorIsInVietnameseWhenTheUserAsksForIt() throws Exception {
		JsonNode problem = problem(post("/test/things", INVALID, VI), 400);
		assertThat(problem.get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
		assertThat(problem.get("detail").asString())
			.isEqualTo("Các trường không hợp lệ: contact, day, note, rooms, title");
		assertThat(messages(problem)).containsExactly(Map.entry("contact", "phải là một địa chỉ e-mail hợp lệ"),
				Map.entry("day", "là bắt buộc"),
				Map.entry("note",
						"phải là văn bản thuần: không có ký tự điều khiển, nửa cặp surrogate lẻ hay ký tự đảo chiều văn bản"),
				Map.entry("rooms", "phải nhỏ hơn hoặc bằng 10"), Map.entry("title", "không được để trống"));
	}

	@Test
	void withoutAcceptLanguageTheFieldErrorIsInEnglishAsBefore() throws Exception {
		for (String language : new String[] { null, "en", "fr-FR,fr;q=0.9", "*" }) {
			JsonNode problem = problem(post("/test/things", INVALID, language), 400);
			assertThat(problem.get("title").asString()).as(language).isEqualTo("Invalid request");
			assertThat(problem.get("detail").asString()).isEqualTo("Invalid fields: contact, day, note, rooms, title");
			assertThat(messages(problem)).as(language)
				.containsExactly(Map.entry("contact", "must be a well-formed email address"),
						Map.entry("day", "must not be null"),
						Map.entry("note",
								"must be plain text: no control characters, unpaired surrogates or bidirectional overrides"),
						Map.entry("rooms", "must be less than or equal to 10"),
						Map.entry("title", "must not be blank"));
		}
	}

	@Test
	void aSizeNamesItsBoundsAndVietnameseTextRoundTrips() throws Exception {
		String body = "{\"title\":\"Hội nghị xúc tiến đầu tư Lâm Đồng\",\"tags\":[\"a\",\"b\",\"c\"],\"day\":\"2026-11-06\"}";
		JsonNode problem = problem(post("/test/things", body, "vi"), 400);
		assertThat(messages(problem)).containsExactly(Map.entry("tags", "kích thước phải từ 0 đến 2"));

		HttpResponse<String> fine = post("/test/things",
				"{\"title\":\"Hội nghị xúc tiến đầu tư Lâm Đồng\",\"day\":\"2026-11-06\"}", "vi");
		assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
		assertThat(this.json.readTree(fine.body()).get("title").asString())
			.isEqualTo("Hội nghị xúc tiến đầu tư Lâm Đồng");
	}

	@Test
	void valuesOfTheWrongTypeAreNamedInEitherLanguage() throws Exception {
		JsonNode query = problem(get("/test/things?rooms=many", VI), 400);
		assertThat(query.get("detail").asString()).isEqualTo("Các trường không hợp lệ: rooms");
		assertThat(messages(query)).containsExactly(Map.entry("rooms", "phải là một số"));

		JsonNode body = problem(post("/test/things", "{\"title\":\"x\",\"day\":\"06/11/2026\"}", VI), 400);
		assertThat(body.get("title").asString()).isEqualTo("Không đọc được nội dung yêu cầu");
		assertThat(body.get("detail").asString()).isEqualTo("Trường “day” có giá trị sai kiểu hoặc sai định dạng");
		assertThat(messages(body))
			.containsExactly(Map.entry("day", "phải là ngày hoặc ngày giờ theo ISO-8601, ví dụ 2026-11-06"));

		JsonNode english = problem(post("/test/things", "{\"title\":\"x\",\"day\":\"06/11/2026\"}", null), 400);
		assertThat(english.get("detail").asString()).isEqualTo("Field 'day' has a value of the wrong type or format");
		assertThat(messages(english))
			.containsExactly(Map.entry("day", "must be an ISO-8601 date or date-time, e.g. 2026-11-06"));
	}

	@Test
	void notFoundNamesTheKindInTheLanguage() throws Exception {
		JsonNode vi = problem(get("/test/things/a-1", VI), 404);
		assertThat(vi.get("title").asString()).isEqualTo("Không tìm thấy");
		assertThat(vi.get("detail").asString()).isEqualTo("Thỏa thuận a-1 không tồn tại");

		JsonNode en = problem(get("/test/things/a-1", null), 404);
		assertThat(en.get("title").asString()).isEqualTo("Not found");
		assertThat(en.get("detail").asString()).isEqualTo("Agreement a-1 does not exist");
	}

	@Test
	void aStaleOrMissingVersionIsExplainedInTheLanguage() throws Exception {
		JsonNode stale = problem(put("/test/things/a-1", "\"3\"", VI), 412);
		assertThat(stale.get("title").asString()).isEqualTo("Dữ liệu đã thay đổi");
		// the version as it is, not "1.234"
		assertThat(stale.get("detail").asString())
			.isEqualTo("Dữ liệu đã được thay đổi kể từ khi bạn đọc; phiên bản hiện tại là 1234");
		JsonNode staleEnglish = problem(put("/test/things/a-1", "\"3\"", null), 412);
		assertThat(staleEnglish.get("title").asString()).isEqualTo("Precondition failed");
		assertThat(staleEnglish.get("detail").asString())
			.isEqualTo("The resource has changed since it was read; it is now at version 1234");

		JsonNode missing = problem(put("/test/things/a-1", null, VI), 428);
		assertThat(missing.get("title").asString()).isEqualTo("Thiếu phiên bản (If-Match)");
		assertThat(missing.get("detail").asString())
			.isEqualTo("Cần gửi header If-Match với phiên bản đã đọc (ETag của dữ liệu)");
		assertThat(problem(put("/test/things/a-1", null, "en"), 428).get("title").asString())
			.isEqualTo("Precondition required");
	}

	@Test
	void aServiceLocalizesItsRuleWithAKeyOfItsOwnMessageSource() throws Exception {
		JsonNode vi = problem(post("/test/rules?known=true", "{}", VI), 422);
		assertThat(vi.get("title").asString()).isEqualTo("Vi phạm quy tắc nghiệp vụ");
		assertThat(vi.get("detail").asString()).isEqualTo("Ngày kết thúc 01/01/2026 phải sau ngày bắt đầu");
		assertThat(messages(vi)).containsExactly(Map.entry("endsOn", "Ngày kết thúc 01/01/2026 phải sau ngày bắt đầu"));

		JsonNode en = problem(post("/test/rules?known=true", "{}", null), 422);
		assertThat(en.get("title").asString()).isEqualTo("Rule violated");
		assertThat(en.get("detail").asString()).isEqualTo("endsOn must be after startsOn");

		// a key found nowhere: the English message, under a Vietnamese title
		JsonNode unknown = problem(post("/test/rules?known=false", "{}", VI), 422);
		assertThat(unknown.get("detail").asString()).isEqualTo("endsOn can't be before startsOn");

		JsonNode adminOnly = problem(post("/test/organizations", "{}", VI), 403);
		assertThat(adminOnly.get("title").asString()).isEqualTo("Không có quyền");
		assertThat(adminOnly.get("detail").asString())
			.isEqualTo("Việc này chỉ dành cho Ban thư ký chương trình (ADMIN)");
		assertThat(problem(post("/test/organizations", "{}", null), 403).get("detail").asString())
			.isEqualTo("registering an organization is for the program secretariat (ADMIN)");

		JsonNode conflict = problem(post("/test/conflicts", "{}", VI), 409);
		assertThat(conflict.get("title").asString()).isEqualTo("Xung đột");
		assertThat(conflict.get("detail").asString()).isEqualTo("The code 'LD-01' is taken");
	}

	@Test
	void springsOwnErrorsAndTheInputLimitsAnswerInVietnameseToo() throws Exception {
		JsonNode method = problem(send("DELETE", "/test/things/a-1", null, VI, null), 405);
		assertThat(method.get("title").asString()).isEqualTo("Phương thức không được hỗ trợ");
		assertThat(method.get("detail").asString()).isEqualTo("Phương thức “DELETE” không được hỗ trợ ở đây.");
		JsonNode methodEnglish = problem(send("DELETE", "/test/things/a-1", null, null, null), 405);
		assertThat(methodEnglish.get("title").asString()).isEqualTo("Method Not Allowed");
		assertThat(methodEnglish.get("detail").asString()).isEqualTo("Method 'DELETE' is not supported.");

		String big = "{\"title\":\"" + "x".repeat(1_100_000) + "\"}";
		JsonNode tooLarge = problem(post("/test/things", big, VI), 413);
		assertThat(tooLarge.get("title").asString()).isEqualTo("Yêu cầu quá lớn");
		assertThat(tooLarge.get("detail").asString())
			.isEqualTo("Nội dung lớn hơn 1024 KB, mức tối đa được nhận cho application/json");
		assertThat(problem(post("/test/things", big, null), 413).get("detail").asString())
			.isEqualTo("The body is larger than 1024 KB, the most accepted for application/json");

		JsonNode query = problem(get("/test/things?a%5B%5D=1", VI), 400);
		assertThat(query.get("detail").asString()).isEqualTo("Tham số truy vấn không hợp lệ: a[]");
		assertThat(messages(query))
			.containsExactly(Map.entry("a[]", "không phải là tên tham số: chỉ gồm chữ cái, chữ số, “_”, “.” và “-”"));
		assertThat(messages(problem(get("/test/things?a%5B%5D=1", null), 400)))
			.containsExactly(Map.entry("a[]", "is not a parameter name: letters, digits, '_', '.' and '-' only"));
	}

	@Test
	void theLanguageIsVietnameseOnlyWhenPreferredToEnglish() {
		assertThat(ProblemMessages.language(null)).isEqualTo(Locale.ENGLISH);
		assertThat(ProblemMessages.language("")).isEqualTo(Locale.ENGLISH);
		assertThat(ProblemMessages.language("vi")).isEqualTo(ProblemMessages.VIETNAMESE);
		assertThat(ProblemMessages.language("fr, vi;q=0.5")).isEqualTo(ProblemMessages.VIETNAMESE);
		assertThat(ProblemMessages.language("en-GB, vi;q=0.9")).isEqualTo(Locale.ENGLISH);
		assertThat(ProblemMessages.language("de")).isEqualTo(Locale.ENGLISH);
		assertThat(ProblemMessages.language(";;;q=x")).isEqualTo(Locale.ENGLISH);
	}

	private List<Map.Entry<String, String>> messages(JsonNode problem) {
		return problem.get("errors")
			.valueStream()
			.map((error) -> Map.entry(error.get("field").asString(), error.get("message").asString()))
			.toList();
	}

	private JsonNode problem(HttpResponse<String> answer, int status) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		return this.json.readTree(answer.body());
	}

	private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
		return send("GET", path, null, language, null);
	}

	private HttpResponse<String> post(String path, String body, String language)
			throws IOException, InterruptedException {
		return send("POST", path, body, language, null);
	}

	private HttpResponse<String> put(String path, String ifMatch, String language)
			throws IOException, InterruptedException {
		return send("PUT", path, "{}", language, ifMatch);
	}

	private HttpResponse<String> send(String method, String path, String body, String language, String ifMatch)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + TestInfrastructure.get().identity().admin())
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (language != null) {
			request.header("Accept-Language", language);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TestController.class)
	static class ProblemsTestApplication {

		/** A service's own messages (its messages_vi.properties): one Vietnamese rule. */
		@Bean
		MessageSource messageSource() {
			StaticMessageSource messages = new StaticMessageSource();
			messages.addMessage("test.rule.ends-before-start", ProblemMessages.VIETNAMESE,
					"Ngày kết thúc {0} phải sau ngày bắt đầu");
			return messages;
		}

	}

	@RestController
	static class TestController {

		@PostMapping("/test/things")
		Map<String, Object> create(@Valid @RequestBody Thing thing) {
			return Map.of("title", thing.title());
		}

		@GetMapping("/test/things")
		List<String> list(@RequestParam(required = false) Integer rooms) {
			return List.of();
		}

		@GetMapping("/test/things/{id}")
		Thing read(@PathVariable String id) {
			throw new NotFoundException("Agreement", id);
		}

		@PutMapping("/test/things/{id}")
		Thing update(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
			throw (ifMatch == null) ? StaleVersionException.missing() : StaleVersionException.stale(1234);
		}

		@PostMapping("/test/rules")
		void rule(@RequestParam boolean known) {
			if (known) {
				throw new RuleViolationException("endsOn", "endsOn must be after startsOn",
						"test.rule.ends-before-start", "01/01/2026");
			}
			throw new RuleViolationException("endsOn", "endsOn can't be before startsOn", "test.rule.unknown");
		}

		@PostMapping("/test/organizations")
		void adminOnly() {
			throw new ForbiddenException("registering an organization is for the program secretariat (ADMIN)",
					"coophub.problem.scope.admin-only");
		}

		@PostMapping("/test/conflicts")
		void conflict() {
			throw new ConflictException("The code 'LD-01' is taken");
		}

		record Thing(@NotBlank @Size(max = 300) String title, @Size(max = 2) List<String> tags, @Email String contact,
				@Max(10) Integer rooms, @PlainText String note, @NotNull LocalDate day) {
		}

	}

}
