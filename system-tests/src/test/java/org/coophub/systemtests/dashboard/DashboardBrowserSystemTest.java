package org.coophub.systemtests.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations dashboard in Debian's headless Chromium: an activity recorded over the
 * API shows on the open page without a reload, a title containing HTML shows as text, and
 * screenshots are kept under {@code target/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserSystemTest {

	static final Duration PROPAGATION = Duration.ofSeconds(60);

	/** identity-service's default password of the demo users. */
	static final String DEMO_PASSWORD = "demo-Passw0rd";

	static final String HOSTILE_TITLE = "<img src=x onerror=\"document.title='pwned'\"> Chương trình hợp tác Lâm Đồng – TP.HCM";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private LocalStack stack;

	private Chromium browser;

	@BeforeAll
	void start() throws Exception {
		this.stack = SharedStack.get();
		this.browser = Chromium.start();
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void aRecordedActivityAppearsOnTheOpenDashboardWithoutReload() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String ld = post(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"DB-LD-%s","name":{"vi":"Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
				 "en":"Lam Dong Province Industrial Zones Authority"},"kind":"INDUSTRIAL_ZONE_AUTHORITY",
				 "province":"Lâm Đồng","contacts":[{"name":"Phòng Xúc tiến Đầu tư",
				 "email":"xuctien-%s@db-lamdong.example","language":"vi"}]}
				""".formatted(suffix, suffix)).get("id").asString();
		String hcm = post(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"DB-HEPZA-%s","name":{"vi":"Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM"},
				 "kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"TP. Hồ Chí Minh",
				 "contacts":[{"name":"Văn phòng","email":"vanphong-%s@db-hepza.example","language":"vi"}]}
				""".formatted(suffix, suffix)).get("id").asString();
		String agreement = post(StackService.AGREEMENT, "/api/v1/agreements", """
				{"code":"DB-%s","title":{"vi":%s},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2035-12-31","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(suffix, this.json.writeValueAsString(HOSTILE_TITLE), ld, hcm, hcm, ld, hcm)).get("id")
			.asString();
		// a new draft is version 1: each party's acceptance (the scripts' client is of
		// neither) and the activation are updates like any other, with If-Match
		String etag = "\"1\"";
		for (String party : new String[] { ld, hcm }) {
			HttpResponse<String> accepted = send(StackService.AGREEMENT, "POST",
					"/api/v1/agreements/" + agreement + "/parties/" + party + "/accept", null, "If-Match", etag);
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
			etag = accepted.headers().firstValue("ETag").orElseThrow();
		}
		assertThat(send(StackService.AGREEMENT, "POST", "/api/v1/agreements/" + agreement + "/activate", null,
				"If-Match", etag)
			.statusCode()).isEqualTo(200);

		URI dashboard = this.stack.serviceUrl(StackService.REPORTING).resolve("/");
		this.browser.navigate(dashboard.toString());
		signIn("ld-viewer");
		await().atMost(PROPAGATION)
			.ignoreExceptions()
			.until(() -> this.browser.text("document.getElementById('me')?.textContent ?? ''"),
					(me) -> me.contains("ld-viewer") && me.contains("BQL-LD"));
		String row = "document.querySelector('tr[data-agreement-id=\"" + agreement + "\"]')";
		String activities = "(" + row + "?.querySelector('[data-field=activityCount]')?.textContent ?? null)";
		await().atMost(PROPAGATION).until(() -> this.browser.text(activities), "0"::equals);
		this.browser.evaluate("document.querySelector('[data-lang=vi]').click()");
		this.browser.evaluate("window.sameDocument = 'yes'");
		assertThat(this.browser.text(row + ".querySelector('[data-field=title]').textContent"))
			.as("a title with HTML shows as text")
			.isEqualTo(HOSTILE_TITLE);
		assertThat(this.browser.evaluate(row + ".querySelectorAll('img').length").asInt()).isZero();
		assertThat(this.browser.text("document.title")).isNotEqualTo("pwned");

		String conference = """
				{"agreementId":"%s","type":"INVESTMENT_PROMOTION_CONFERENCE",
				 "title":{"vi":"Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng","en":"Investment promotion conference"},
				 "startsAt":"2025-05-20T08:00:00","endsAt":"2025-05-20T17:00:00",
				 "location":{"province":"TP. Hồ Chí Minh","venue":"Trung tâm Hội nghị"},
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"COMPLETED",
				 "outcomes":{"investorsAttending":120,"enterprisesAttending":45,"mousSigned":3,
				   "registeredCapital":{"amount":350000000000,"currency":"VND"}}}
				""".formatted(agreement, hcm, ld);
		HttpResponse<String> recorded = await().atMost(PROPAGATION)
			.until(() -> send(StackService.ACTIVITY, "POST", "/api/v1/activities", conference),
					(response) -> response.statusCode() != 422);
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);

		await().atMost(PROPAGATION).until(() -> this.browser.text(activities), "1"::equals);
		assertThat(this.browser.text(row + ".querySelector('[data-field=investors]').textContent")).isEqualTo("120");
		assertThat(this.browser.text("window.sameDocument")).as("the page was not reloaded").isEqualTo("yes");
		await().atMost(PROPAGATION)
			.until(() -> this.browser.text(row + ".querySelector('[data-field=nextReview]').textContent"),
					(review) -> review.contains("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng"));
		this.browser.screenshot(Path.of("target", "screenshots", "dashboard-portfolio.png"));

		this.browser.evaluate("location.hash = '#/agreements/" + agreement + "'");
		await().atMost(PROPAGATION)
			.until(() -> this.browser.text("document.getElementById('card-investors').textContent"), "120"::equals);
		assertThat(this.browser.evaluate("Chart.getChart('chart-years').data.datasets.length").asInt()).isEqualTo(1);
		assertThat(this.browser.text("document.getElementById('agreement-title').textContent")).contains(HOSTILE_TITLE);
		this.browser.evaluate("document.querySelector('[data-lang=en]').click()");
		assertThat(this.browser.text("document.querySelector('[data-i18n=feed]').textContent"))
			.isEqualTo("Recent activity");
		assertThat(this.browser.text("window.sameDocument")).isEqualTo("yes");
		this.browser.screenshot(Path.of("target", "screenshots", "dashboard-agreement.png"));

		this.browser.evaluate("document.getElementById('sign-out').click()");
		await().atMost(PROPAGATION)
			.ignoreExceptions()
			.until(() -> this.browser.text("location.port"),
					String.valueOf(this.stack.serviceUrl(StackService.IDENTITY).getPort())::equals);
		this.browser.navigate(dashboard.toString());
		await().atMost(PROPAGATION)
			.ignoreExceptions()
			.alias("signed out at both ends: the dashboard asks to sign in again")
			.until(() -> this.browser.text("String(document.querySelector('input[name=username]') !== null)"),
					"true"::equals);
	}

	/**
	 * The dashboard sent the browser to identity-service's sign-in form: fill it in as a
	 * user would, and wait to be back on the dashboard.
	 */
	private void signIn(String user) {
		await().atMost(PROPAGATION)
			.ignoreExceptions()
			.until(() -> this.browser.text("String(document.querySelector('input[name=username]') !== null)"),
					"true"::equals);
		assertThat(this.browser.text("location.port")).as("the sign-in form is identity-service's")
			.isEqualTo(String.valueOf(this.stack.serviceUrl(StackService.IDENTITY).getPort()));
		this.browser.evaluate("document.querySelector('input[name=username]').value = '" + user + "';"
				+ "document.querySelector('input[name=password]').value = '" + DEMO_PASSWORD + "';"
				+ "document.querySelector('input[name=username]').form.submit()");
		await().atMost(PROPAGATION)
			.ignoreExceptions()
			.until(() -> this.browser.text("location.port"),
					String.valueOf(this.stack.serviceUrl(StackService.REPORTING).getPort())::equals);
		assertThat(this.browser.text("document.cookie")).as("the session cookie is HttpOnly")
			.doesNotContain("COOPHUB_SESSION");
	}

	private JsonNode post(StackService service, String path, String body) throws Exception {
		HttpResponse<String> response = send(service, "POST", path, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(StackService service, String method, String path, String body, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.stack.serviceUrl(service).resolve(path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.stack.accessToken())
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
