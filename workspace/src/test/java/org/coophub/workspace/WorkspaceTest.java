package org.coophub.workspace;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.coophub.workspace.FakeService.Recorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace as a browser and the services see it: a real server between a test
 * browser, a stand-in identity-service (real OpenID Connect endpoints on a real HTTP
 * server) and four stand-in services that record what reaches them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceTest {

	static final FakeIdentity identity = start(FakeIdentity::new);

	static final FakeService agreement = start(() -> new FakeService("agreement"));

	static final FakeService activity = start(() -> new FakeService("activity"));

	static final FakeService reporting = start(() -> new FakeService("reporting"));

	static final FakeService notification = start(() -> new FakeService("notification"));

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Browser browser;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("coophub.security.issuer", identity::issuer);
		registry.add("coophub.workspace.client-secret", () -> FakeIdentity.CLIENT_SECRET);
		registry.add("coophub.workspace.services.agreement", agreement::url);
		registry.add("coophub.workspace.services.activity", activity::url);
		registry.add("coophub.workspace.services.reporting", reporting::url);
		registry.add("coophub.workspace.services.notification", notification::url);
	}

	@BeforeEach
	void setUp() {
		this.browser = new Browser(this.port);
		identity.accessTokenSeconds = 900;
		identity.refuseRefresh = false;
		for (FakeService service : List.of(agreement, activity, reporting, notification)) {
			service.requests.clear();
		}
	}

	@AfterAll
	static void stop() {
		identity.close();
		agreement.close();
		activity.close();
		reporting.close();
		notification.close();
	}

	@Test
	void aPageSendsTheUserToIdentityServiceInTheirLanguageWithPkce() {
		this.browser.setCookie("coophub-lang", "vi");

		HttpResponse<String> page = this.browser.get("/activities.html");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(URI.create(location(page)).getPath()).isEqualTo("/oauth2/authorization/identity");

		HttpResponse<String> signIn = this.browser.get(location(page));
		assertThat(signIn.statusCode()).isEqualTo(302);
		String authorize = location(signIn);
		assertThat(authorize).startsWith(identity.issuer() + "/oauth2/authorize?");
		Map<String, String> parameters = UriComponentsBuilder.fromUriString(authorize)
			.build()
			.getQueryParams()
			.toSingleValueMap();
		assertThat(parameters).containsEntry("client_id", "coophub-workspace")
			.containsEntry("response_type", "code")
			.containsEntry("ui_locales", "vi")
			.containsEntry("code_challenge_method", "S256")
			.containsKeys("code_challenge", "state", "nonce");
		assertThat(FakeIdentity.parse(URI.create(authorize).getRawQuery())).containsEntry("scope", "openid profile")
			.containsEntry("redirect_uri", "http://127.0.0.1:" + this.port + "/login/oauth2/code/identity");
	}

	@Test
	void signingInBringsTheUserBackToThePageWithAnHttpOnlySameSiteSession() {
		List<HttpResponse<String>> steps = this.browser.follow("/calendar.html");

		HttpResponse<String> callback = steps.stream()
			.filter((step) -> step.uri().getPath().equals("/login/oauth2/code/identity"))
			.findFirst()
			.orElseThrow();
		assertThat(location(callback)).endsWith("/calendar.html");
		String session = callback.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("COOPHUB_WORKSPACE_SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(identity.grantsSoFar()).contains("authorization_code");
		// without a language cookie, identity-service decides by the browser's own
		assertThat(identity.authorizationRequests.get(identity.authorizationRequests.size() - 1))
			.doesNotContainKey("ui_locales");
	}

	@Test
	void theApiWithoutASessionAnswers401ProblemDetailsInTheUsersLanguage() {
		HttpResponse<String> response = this.browser.get("/api/v1/activities", "Accept-Language", "vi");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(WorkspaceTest::problemJson);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("title").asString()).isEqualTo("Chưa đăng nhập");
		assertThat(this.browser.get("/api/v1/me", "Accept-Language", "en").body()).contains("Not signed in");
		assertThat(activity.requests).isEmpty();
	}

	@Test
	void aSignedInCallReachesTheServiceWithTheUsersTokenAndTheHeadersItNeeds() throws Exception {
		signIn();

		HttpResponse<String> response = this.browser.get("/api/v1/activities/a-1?status=PLANNED&q=h%E1%BB%99i",
				"Accept-Language", "vi", "If-None-Match", "\"6\"");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("ETag")).hasValue("\"7\"");
		assertThat(this.json.readTree(response.body()).path("name").asString()).isEqualTo("Hội nghị xúc tiến đầu tư");
		// the service's own cookie does not reach the browser
		assertThat(response.headers().allValues("Set-Cookie"))
			.noneMatch((cookie) -> cookie.contains("SERVICE_SESSION"));
		Recorded got = activity.next();
		assertThat(got.method()).isEqualTo("GET");
		assertThat(got.path()).isEqualTo("/api/v1/activities/a-1");
		assertThat(FakeIdentity.parse(got.query())).containsOnly(Map.entry("status", "PLANNED"), Map.entry("q", "hội"));
		assertThat(got.header("Authorization")).isEqualTo("Bearer access-ld-editor-1");
		assertThat(got.header("Accept-Language")).isEqualTo("vi");
		assertThat(got.header("If-None-Match")).isEqualTo("\"6\"");
		// the workspace's session and CSRF cookies stay with the workspace
		assertThat(got.header("Cookie")).isNull();
	}

	@Test
	void aChangeNeedsTheCsrfTokenAndPassesIfMatchAndTheBodyUnchanged() throws Exception {
		signIn();
		String body = "{\"title\":\"Hội nghị xúc tiến đầu tư Lâm Đồng – TP.HCM\"}";

		HttpResponse<String> withoutToken = this.browser.send("POST", "/api/v1/activities",
				BodyPublishers.ofString(body), "Content-Type", "application/json");
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.headers().firstValue("Content-Type")).hasValueSatisfying(WorkspaceTest::problemJson);
		assertThat(withoutToken.body()).contains("X-XSRF-TOKEN");
		assertThat(activity.requests).isEmpty();

		HttpResponse<String> withToken = this.browser.send("PUT", "/api/v1/activities/a-1",
				BodyPublishers.ofString(body), "Content-Type", "application/json", "If-Match", "\"7\"", "X-XSRF-TOKEN",
				this.browser.cookie("XSRF-TOKEN"), "Accept-Language", "en");
		assertThat(withToken.statusCode()).isEqualTo(200);
		Recorded got = activity.next();
		assertThat(got.method()).isEqualTo("PUT");
		assertThat(got.header("If-Match")).isEqualTo("\"7\"");
		assertThat(got.header("Accept-Language")).isEqualTo("en");
		assertThat(got.header("Authorization")).isEqualTo("Bearer access-ld-editor-1");
		assertThat(got.header("X-XSRF-TOKEN")).isNull();
		assertThat(new String(got.body(), StandardCharsets.UTF_8)).isEqualTo(body);
	}

	@Test
	void aCreatedRecordsLocationIsTheWorkspacesNotTheServicesAddress() {
		signIn();

		HttpResponse<String> created = this.browser.send("POST", "/api/v1/activities", BodyPublishers.ofString("{}"),
				"Content-Type", "application/json", "X-XSRF-TOKEN", this.browser.cookie("XSRF-TOKEN"));

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/activities/42?view=full");
		assertThat(created.headers().firstValue("ETag")).hasValue("\"7\"");
	}

	@Test
	void eachPathGoesToTheServiceThatOwnsIt() throws Exception {
		signIn();
		Map<String, FakeService> owners = Map.ofEntries(Map.entry("/api/v1/agreements", agreement),
				Map.entry("/api/v1/agreements/g-1/commitments", agreement),
				Map.entry("/api/v1/agreements/g-1/reports/2024", reporting),
				Map.entry("/api/v1/organizations/o-1", agreement), Map.entry("/api/v1/activities", activity),
				Map.entry("/api/v1/imports/template", activity), Map.entry("/api/v1/dashboard", reporting),
				Map.entry("/api/v1/calendar", reporting), Map.entry("/api/v1/follow-ups", reporting),
				Map.entry("/api/v1/notifications", notification), Map.entry("/api/v1/reminders/r-1", notification));
		for (Map.Entry<String, FakeService> owner : owners.entrySet()) {
			HttpResponse<String> response = this.browser.get(owner.getKey());
			assertThat(response.statusCode()).as(owner.getKey()).isEqualTo(200);
			Recorded got = owner.getValue().next();
			assertThat(got.path()).isEqualTo(owner.getKey());
			assertThat(got.header("Authorization")).isEqualTo("Bearer access-ld-editor-1");
		}
		assertThat(this.browser.get("/api/v1/unknown").statusCode()).isEqualTo(404);
	}

	@Test
	void anUploadAndASpreadsheetDownloadPassByteForByte() throws Exception {
		signIn();
		String boundary = "----coophub";
		byte[] csv = "Tên;Ngày\r\nHội nghị;06/11/2012\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] multipart = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hoat-dong.csv\""
				+ "\r\nContent-Type: text/csv\r\n\r\n" + new String(csv, StandardCharsets.UTF_8) + "\r\n--" + boundary
				+ "--\r\n")
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> upload = this.browser.send("POST", "/api/v1/activities:import",
				BodyPublishers.ofByteArray(multipart), "Content-Type", "multipart/form-data; boundary=" + boundary,
				"X-XSRF-TOKEN", this.browser.cookie("XSRF-TOKEN"));

		assertThat(upload.statusCode()).isEqualTo(201);
		Recorded got = activity.next();
		assertThat(got.path()).isEqualTo("/api/v1/activities:import");
		assertThat(got.header("Content-Type")).startsWith("multipart/form-data").contains("boundary=" + boundary);
		assertThat(got.body()).isEqualTo(multipart);

		HttpResponse<byte[]> download = this.browser.getBytes("/api/v1/activities:export?format=xlsx");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(download.body()).isEqualTo(FakeService.SPREADSHEET);
	}

	@Test
	void theDashboardsEventStreamArrivesWhileTheConnectionIsOpen() throws Exception {
		signIn();
		reporting.secondEvent = new CountDownLatch(1);

		HttpResponse<InputStream> stream = this.browser.open("/api/v1/dashboard/stream", "Accept", "text/event-stream");
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
			// the service holds the second event back until this one is seen: it can only
			// arrive if the workspace passes it on at once
			assertThat(readLine(events)).isEqualTo("event: dashboard-changed");
			assertThat(readLine(events)).isEqualTo("data: {\"n\":1}");
			reporting.secondEvent.countDown();
			assertThat(readLine(events)).isEmpty();
			assertThat(readLine(events)).isEqualTo("event: dashboard-changed");
			assertThat(readLine(events)).isEqualTo("data: {\"n\":2}");
		}
		assertThat(reporting.next().header("Authorization")).isEqualTo("Bearer access-ld-editor-1");
	}

	@Test
	void theCalendarFeedsAreOpenAndGetNoTokenAndNoCookie() throws Exception {
		HttpResponse<String> feed = this.browser.get("/calendar/feeds/s3cr3t.ics", "Authorization",
				"Bearer someone-elses");

		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/calendar;charset=utf-8"));
		assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");
		// no session and no CSRF cookie for a calendar program
		assertThat(feed.headers().allValues("Set-Cookie")).isEmpty();
		Recorded got = reporting.next();
		assertThat(got.path()).isEqualTo("/calendar/feeds/s3cr3t.ics");
		assertThat(got.header("Authorization")).isNull();
		assertThat(got.header("Cookie")).isNull();
	}

	@Test
	void meNamesTheSignedInUserFromTheirToken() {
		signIn();

		HttpResponse<String> response = this.browser.get("/api/v1/me");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode me = this.json.readTree(response.body());
		assertThat(me.path("username").asString()).isEqualTo("ld-editor");
		assertThat(me.path("name").asString()).isEqualTo("Biên tập viên – BQL các KCN Lâm Đồng");
		assertThat(me.path("role").asString()).isEqualTo("EDITOR");
		assertThat(me.path("organizationId").asString()).isEqualTo("BQL-LD");
		assertThat(me.path("organizationCode").asString()).isEqualTo("BQL-LD");
	}

	@Test
	void anExpiringAccessTokenIsRenewedWithTheRefreshToken() throws Exception {
		// within the minute before expiry a token counts as expired
		identity.accessTokenSeconds = 30;
		signIn();

		this.browser.get("/api/v1/notifications");

		assertThat(notification.next().header("Authorization")).isEqualTo("Bearer access-ld-editor-renewed");
		assertThat(identity.grantsSoFar()).contains("refresh_token");
	}

	@Test
	void whenTheSignInCannotBeRenewedTheSessionEndsWith401() throws Exception {
		identity.accessTokenSeconds = 30;
		identity.refuseRefresh = true;
		signIn();

		HttpResponse<String> response = this.browser.get("/api/v1/notifications", "Accept-Language", "en");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(WorkspaceTest::problemJson);
		assertThat(response.body()).contains("Sign-in expired");
		assertThat(notification.requests).isEmpty();
		assertThat(this.browser.get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void signingOutEndsTheSessionAndTheSignInAtIdentityService() {
		signIn();

		HttpResponse<String> withoutToken = this.browser.send("POST", "/logout", BodyPublishers.noBody());
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		HttpResponse<String> logout = this.browser.send("POST", "/logout", BodyPublishers.noBody(), "Accept",
				"application/json", "X-XSRF-TOKEN", this.browser.cookie("XSRF-TOKEN"));

		assertThat(logout.statusCode()).isEqualTo(200);
		String signOutUrl = this.json.readTree(logout.body()).path("signOutUrl").asString();
		assertThat(signOutUrl).startsWith(identity.issuer() + "/connect/logout?");
		assertThat(UriComponentsBuilder.fromUriString(signOutUrl).build().getQueryParams().toSingleValueMap())
			.containsKey("id_token_hint")
			.containsEntry("post_logout_redirect_uri", "http://127.0.0.1:" + this.port + "/");
		assertThat(this.browser.get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() {
		signIn();

		HttpResponse<String> response = this.browser.get("/api/v1/me");

		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
				(permissions) -> assertThat(permissions).contains("camera=()").contains("geolocation=()"));
	}

	@Test
	void healthIsOpen() {
		HttpResponse<String> health = this.browser.get("/actuator/health/readiness");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("UP");
	}

	private void signIn() {
		List<HttpResponse<String>> steps = this.browser.follow("/index.html");
		assertThat(steps).anyMatch((step) -> step.uri().getPath().equals("/login/oauth2/code/identity"));
		// the CSRF cookie comes with the first answer the session gets
		this.browser.get("/api/v1/me");
		assertThat(this.browser.cookie("XSRF-TOKEN")).isNotBlank();
	}

	private static void problemJson(String contentType) {
		assertThat(contentType).startsWith("application/problem+json");
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	/** A line of the stream, or a failure after a while: never a test that hangs. */
	private static String readLine(BufferedReader reader) throws Exception {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return reader.readLine();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}).get(10, TimeUnit.SECONDS);
	}

	private static <T> T start(ThrowingSupplier<T> server) {
		try {
			return server.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

}
