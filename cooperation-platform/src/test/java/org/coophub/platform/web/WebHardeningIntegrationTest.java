package org.coophub.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.validation.Valid;
import org.coophub.platform.security.ProblemResponses;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's input limits and headers on a real server with the platform's security
 * (docs/security.md, "Input limits and hardening").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=hardening-test", "spring.mongodb.database=hardening-test" })
@WithInfrastructure
class WebHardeningIntegrationTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aControlCharacterInAQueryParameterIsA400NamingIt() throws Exception {
		for (String bad : new String[] { "a\u0000b", "\u001B[31m", "x\u007F" }) {
			HttpResponse<String> answer = get("/test/search?page=1&q=" + URLEncoder.encode(bad, StandardCharsets.UTF_8),
					admin());
			assertProblem(answer, 400);
			assertThat(this.json.readTree(answer.body()).at("/errors/0/field").asString()).isEqualTo("q");
		}
		HttpResponse<String> fine = get(
				"/test/search?q=" + URLEncoder.encode("Lâm Đồng [2026] {x}", StandardCharsets.UTF_8), admin());
		assertThat(fine.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(fine.body()).get("q").asString()).isEqualTo("Lâm Đồng [2026] {x}");
	}

	@Test
	void aQueryParameterThatIsNotUtf8IsA400NamingItNotA500() throws Exception {
		// an encoded surrogate half, a broken two-byte sequence, a stray byte: Tomcat
		// failed on them with an exception
		for (String bad : new String[] { "%ED%A0%80", "%C3%28", "x%FF" }) {
			String answer = raw("GET /test/search?q=" + bad + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ admin() + "\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(bad).startsWith("HTTP/1.1 400");
			assertThat(answer).as(bad).contains("Content-Type: application/problem+json");
			assertThat(answer).as(bad).contains("\"field\":\"q\"");
		}
		HttpResponse<String> fine = get("/test/search?q=L%C3%A2m+%C4%90%E1%BB%93ng", admin());
		assertThat(fine.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(fine.body()).get("q").asString()).isEqualTo("Lâm Đồng");
	}

	@Test
	void bracketsInAParameterNameAreAProblemNotTomcatsPage() throws Exception {
		for (String query : new String[] { "q[$ne]=x", "a[]=1", "q{x}=1", "q|x=1" }) {
			String answer = raw("GET /test/search?" + query + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ admin() + "\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(query).startsWith("HTTP/1.1 400");
			assertThat(answer).as(query).contains("Content-Type: application/problem+json");
			assertThat(answer).as(query).contains("\"field\":\"" + query.substring(0, query.indexOf('=')) + "\"");
			assertThat(answer).as(query).doesNotContain("<html");
		}
	}

	@Test
	void aBodyOverTheLimitIsA413WithOrWithoutItsLength() throws Exception {
		String big = "{\"title\":{\"vi\":\"" + "x".repeat(1_100_000) + "\"}}";
		HttpResponse<String> announced = this.http.send(
				post("/test/titles", admin()).POST(HttpRequest.BodyPublishers.ofString(big)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertProblem(announced, 413);

		String chunked = raw("POST /test/titles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin()
				+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
				+ Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n");
		assertThat(chunked).startsWith("HTTP/1.1 413").contains("application/problem+json");

		String small = "{\"title\":{\"vi\":\"Hội nghị\"}}";
		String accepted = raw("POST /test/titles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin()
				+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
				+ Integer.toHexString(small.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + small
				+ "\r\n0\r\n\r\n");
		assertThat(accepted).startsWith("HTTP/1.1 200").contains("Hội nghị");
	}

	@Test
	void aTitleWithABidiOverrideOrAControlCharacterIsA400NamingTheField() throws Exception {
		for (String bad : new String[] { "abc\\u202Efdp.exe", "a\\u0000b", "a\\ud800b", "\\u2066x\\u2069" }) {
			HttpResponse<String> answer = this.http.send(post("/test/titles", admin())
				.POST(HttpRequest.BodyPublishers.ofString("{\"title\":{\"vi\":\"" + bad + "\"}}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertProblem(answer, 400);
			assertThat(this.json.readTree(answer.body()).at("/errors/0/field").asString()).isEqualTo("title.vi");
		}
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		for (HttpResponse<String> answer : new HttpResponse[] { get("/test/search?q=x", admin()),
				get("/test/search", null) }) {
			assertThat(answer.headers().firstValue("Content-Security-Policy")).get()
				.asString()
				.contains("script-src 'self'")
				.contains("frame-ancestors 'none'");
			assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
			assertThat(answer.headers().firstValue("Permissions-Policy")).get().asString().contains("camera=()");
		}
	}

	@Test
	void aSessionChainLikeTheDashboardsNamesACsrfFailureAndCarriesTheHeaders() throws Exception {
		HttpResponse<String> change = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/test/session/change"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertProblem(change, 403);
		assertThat(this.json.readTree(change.body()).get("title").asString())
			.isEqualTo("CSRF token missing or invalid");
		assertThat(change.body()).doesNotContain("role");

		HttpResponse<String> page = get("/test/session/page", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("script-src 'self'");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	@Test
	void healthSaysOnlyUpWithoutAnAdminToken() throws Exception {
		JsonNode open = this.json.readTree(get("/actuator/health", null).body());
		assertThat(open.get("status").asString()).isEqualTo("UP");
		assertThat(open.has("components")).isFalse();
		String viewer = TestInfrastructure.get().identity().token("viewer", "VIEWER", null);
		assertThat(this.json.readTree(get("/actuator/health", viewer).body()).has("components")).isFalse();
		JsonNode admin = this.json.readTree(get("/actuator/health", admin()).body());
		assertThat(admin.get("components").has("mongo")).isTrue();
	}

	private String admin() {
		return TestInfrastructure.get().identity().admin();
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder post(String path, String token) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
	}

	/** A request as written, brackets and all: HTTP clients would encode them. */
	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private void assertProblem(HttpResponse<String> answer, int status) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TestController.class)
	static class HardeningTestApplication {

		/** A session chain with CSRF protection, as reporting-service's dashboard has. */
		@Bean
		@Order(1)
		SecurityFilterChain sessionChain(HttpSecurity http, JsonMapper json) {
			ProblemResponses problems = new ProblemResponses(json);
			http.securityMatcher("/test/session/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.spa())
				.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(problems));
			return http.build();
		}

	}

	@RestController
	static class TestController {

		@GetMapping("/test/search")
		Map<String, Object> search(@RequestParam(required = false) String q,
				@RequestParam(required = false) Integer page) {
			return Map.of("q", (q != null) ? q : "");
		}

		@GetMapping("/test/session/page")
		String page() {
			return "page";
		}

		@PostMapping("/test/session/change")
		String change() {
			return "changed";
		}

		@PostMapping("/test/titles")
		Map<String, Object> title(@Valid @RequestBody Titled body) {
			return Map.of("vi", body.title().toText().vi());
		}

		record Titled(@Valid TextInput title) {
		}

	}

}
