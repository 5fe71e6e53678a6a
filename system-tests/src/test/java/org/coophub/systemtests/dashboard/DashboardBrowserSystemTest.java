package org.coophub.systemtests.dashboard;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.coophub.systemtests.browser.Browser;
import org.coophub.systemtests.browser.SignedInBrowsers;
import org.coophub.systemtests.browser.Workspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations dashboard, the workspace's first page ({@code index.html}), in Debian's
 * headless Chromium driven through Selenium WebDriver, signed in as {@code ld-viewer}
 * through identity-service at the workspace's address: an activity recorded over the API
 * shows on the open page without a reload, a title containing HTML shows as text, the
 * event stream shows live, the Vietnamese page writes times, dates and money the
 * Vietnamese way, the pipeline panel refreshes by itself, the commitment chart's labels
 * stand horizontal at the page's width and at 360 px, screenshots of both languages are
 * kept under {@code target/screenshots/}, and signing out ends the session at the
 * workspace and at identity-service, whose form then speaks the language chosen in the
 * workspace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserSystemTest {

	static final Duration PROPAGATION = Duration.ofSeconds(60);

	static final String HOSTILE_TITLE = "<img src=x onerror=\"document.title='pwned'\"> Chương trình hợp tác Lâm Đồng – TP.HCM";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private LocalStack stack;

	/** A time of day as the Vietnamese page writes it: 24-hour, {@code 16:44}. */
	static final Pattern VIETNAMESE_TIME = Pattern.compile("^\\d{2}:\\d{2}$");

	/** A day with its time as the pipeline panel writes it: {@code 16:44:08}. */
	static final Pattern VIETNAMESE_TIME_WITH_SECONDS = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}$");

	static final String LONG_COMMITMENT = "Phối hợp tổ chức hội nghị xúc tiến đầu tư vào các khu công nghiệp"
			+ " của hai địa phương mỗi năm";

	private Workspace workspace;

	private Browser browser;

	@BeforeAll
	void start() {
		this.stack = SharedStack.get();
		this.workspace = SignedInBrowsers.of("ld-viewer");
		this.browser = this.workspace.browser();
		this.browser.windowSize(1400, 1100);
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
				 "commitments":[{"title":{"vi":"%s","en":"Jointly hold an investment promotion conference each year"},
				   "area":"INVESTMENT_PROMOTION","target":{"metric":"CONFERENCES","perYear":2,"measure":"ACTIVITIES",
				   "activityTypes":["INVESTMENT_PROMOTION_CONFERENCE"]}},
				  {"title":{"vi":"Luân phiên tổ chức sơ kết hàng năm giữa hai Ban Quản lý"},"area":"OTHER",
				   "target":{"metric":"ANNUAL_REVIEWS","perYear":1}}],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(suffix, this.json.writeValueAsString(HOSTILE_TITLE), ld, hcm, LONG_COMMITMENT, hcm, ld,
				hcm))
			.get("id")
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

		this.workspace.open("index.html");
		assertThat(this.browser.text("location.origin")).isEqualTo(this.stack.workspaceUrl().toString());
		assertThat(this.browser.text("document.body.dataset.role")).isEqualTo("VIEWER");
		assertThat(this.browser.text("document.getElementById('me').textContent")).contains("Lâm Đồng");
		String row = "document.querySelector('tr[data-agreement-id=\"" + agreement + "\"]')";
		String activities = "(" + row + "?.querySelector('[data-field=activityCount]')?.textContent ?? null)";
		await().atMost(PROPAGATION).until(() -> this.browser.text(activities), "0"::equals);
		this.browser.run("document.querySelector('[data-lang=vi]').click()");
		this.browser.run("window.sameDocument = 'yes'");
		await().atMost(PROPAGATION)
			.alias("the event stream is open: the badge says live")
			.until(() -> this.browser.text("document.getElementById('stream').dataset.state"), "live"::equals);
		assertThat(this.browser.text("document.getElementById('stream').textContent")).isEqualTo("Trực tiếp");
		assertThat(this.browser.text("document.getElementById('stream').getAttribute('aria-live')"))
			.isEqualTo("polite");
		assertThat(this.browser.text("document.getElementById('updated-at').textContent"))
			.as("a time on the Vietnamese page, 24-hour")
			.matches(VIETNAMESE_TIME);
		assertThat(this.browser.text(row + ".querySelector('[data-field=title]').textContent"))
			.as("a title with HTML shows as text")
			.isEqualTo(HOSTILE_TITLE);
		assertThat(this.browser.number(row + ".querySelectorAll('img').length")).isZero();
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
		assertThat(this.browser.text(row + ".querySelector('[data-field=nextReview]').textContent"))
			.as("a date on the Vietnamese page, dd/MM/yyyy")
			.matches("^06/11/\\d{4} · .*");
		pipelinePanelRefreshesByItself();
		this.browser.screenshot(Path.of("target", "screenshots", "dashboard-portfolio-vi.png"));

		this.browser.run("location.hash = '#/agreements/" + agreement + "'");
		await().atMost(PROPAGATION)
			.until(() -> this.browser.text("document.getElementById('card-investors').textContent"), "120"::equals);
		assertThat(this.browser.number("Chart.getChart('chart-years').data.datasets.length")).isEqualTo(1);
		assertThat(this.browser.text("document.getElementById('agreement-title').textContent")).contains(HOSTILE_TITLE);
		assertThat(this.browser.text("document.getElementById('card-capital').textContent"))
			.as("money on the Vietnamese page")
			.isEqualTo("350.000.000.000\u00a0₫");
		assertThat(this.browser.text("document.querySelector('#feed li').textContent"))
			.as("the conference's day and time, the Vietnamese way")
			.startsWith("20/05/2025 08:00 · ");
		commitmentLabelsAreHorizontal();
		this.browser.screenshot(Path.of("target", "screenshots", "dashboard-agreement-vi.png"));
		this.browser.viewportWidth(360);
		await().atMost(PROPAGATION)
			.alias("the chart follows the phone's width")
			.until(() -> this.browser.number("Chart.getChart('chart-commitments').width") <= 360);
		await().atMost(PROPAGATION)
			.alias("on a phone the titles wrap to 16 characters a line, so the y axis holds them")
			.until(() -> this.browser.text("String(Chart.getChart('chart-commitments').data.labels"
					+ ".every((label) => label.every((line) => line.length <= 16)))"), "true"::equals);
		commitmentLabelsAreHorizontal();
		assertThat(this.browser.number("document.querySelectorAll('#commitments tbody tr').length")).isEqualTo(2);
		this.browser.screenshot(Path.of("target", "screenshots", "dashboard-agreement-vi-360.png"));
		this.browser.viewportWidth(0);

		this.browser.run("document.querySelector('[data-lang=en]').click()");
		assertThat(this.browser.text("document.querySelector('[data-i18n=feed]').textContent"))
			.isEqualTo("Recent activity");
		assertThat(this.browser.text("document.getElementById('stream').textContent")).isEqualTo("Live");
		assertThat(this.browser.text("document.querySelector('#feed li').textContent"))
			.as("the shell writes days the same way in both languages")
			.startsWith("20/05/2025 08:00 · Investment conference · ");
		assertThat(this.browser.text("window.sameDocument")).isEqualTo("yes");
		this.browser.screenshot(Path.of("target", "screenshots", "dashboard-agreement-en.png"));
		this.browser.run("location.hash = '#/'");
		this.browser.viewportWidth(360);
		await().atMost(PROPAGATION)
			.until(() -> this.browser.text("document.querySelector('[data-i18n=pipeline]').textContent"),
					"Pipeline health"::equals);
		this.browser.screenshot(Path.of("target", "screenshots", "dashboard-portfolio-en-360.png"));
		this.browser.viewportWidth(0);

		this.browser.run("document.getElementById('sign-out').click()");
		await().atMost(PROPAGATION)
			.ignoreExceptions()
			.alias("signed out: the browser leaves the dashboard")
			.until(() -> this.browser.text("String(location.pathname !== '/index.html' || !window.sameDocument)"),
					"true"::equals);
		this.browser.navigate(this.workspace.url("index.html"));
		// signed out at both ends: the workspace sends the browser to identity-service,
		// which asks for the password again, in the language chosen in the workspace
		this.workspace.signInOnTheForm("en");
		assertThat(this.browser.text("document.documentElement.lang")).isEqualTo("en");
		this.workspace.language("vi");
	}

	/**
	 * The pipeline panel asks on its own timer: the moment it last checked changes while
	 * nothing else is done, and is written as the program's clock shows it.
	 */
	private void pipelinePanelRefreshesByItself() {
		String checked = "document.querySelector('#pipeline-checked time')?.dateTime ?? null";
		String first = await().atMost(PROPAGATION).until(() -> this.browser.text(checked), (at) -> at != null);
		assertThat(this.browser.text("document.querySelector('#pipeline-checked time').textContent"))
			.matches(VIETNAMESE_TIME_WITH_SECONDS);
		await().atMost(Duration.ofSeconds(30))
			.alias("the pipeline panel checked again by itself")
			.until(() -> this.browser.text(checked), (at) -> !first.equals(at));
		assertThat(this.browser.number("document.querySelectorAll('#services tbody tr').length"))
			.as("a row per configured service: readiness, outbox backlog, parked records")
			.isEqualTo(5);
		// the local stack tells reporting-service where every service listens: all ready
		for (String service : List.of("identity", "agreement", "activity", "reporting", "notification")) {
			assertThat(this.browser.text("document.querySelector('#services tr[data-service=" + service
					+ "] [data-field=status]').textContent"))
				.as(service)
				.isEqualTo("sẵn sàng");
		}
	}

	/**
	 * Horizontal bars: the commitments' titles on the y axis, wrapped, and no axis draws
	 * rotated text.
	 */
	private void commitmentLabelsAreHorizontal() {
		String chart = "Chart.getChart('chart-commitments')";
		assertThat(this.browser.text(chart + ".options.indexAxis")).isEqualTo("y");
		assertThat(this.browser.number(chart + ".data.labels.length")).isEqualTo(2);
		assertThat(this.browser.text(chart + ".data.labels[0].join(' ')")).isEqualTo(LONG_COMMITMENT);
		assertThat(this.browser.number(chart + ".data.labels[0].length")).as("the long title wraps").isGreaterThan(1);
		assertThat(this.browser.number(chart + ".scales.y.labelRotation")).isZero();
		assertThat(this.browser.number(chart + ".scales.x.labelRotation")).isZero();
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
