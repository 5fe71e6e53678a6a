package org.coophub.systemtests.workspace;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.coophub.localstack.LocalStack;
import org.coophub.systemtests.SharedStack;
import org.coophub.systemtests.browser.Accessibility;
import org.coophub.systemtests.browser.Browser;
import org.coophub.systemtests.browser.SignedInBrowsers;
import org.coophub.systemtests.browser.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an editor of the Lâm Đồng board does in the workspace, in Debian's headless
 * Chromium driven through Selenium WebDriver, signed in as {@code ld-editor} in
 * Vietnamese: records a conference with its outcomes through the activities page's form
 * and sees it on the open dashboard and calendar without a reload; imports a file with
 * one bad row, sees that row's error with nothing stored, fixes it and imports;
 * subscribes to the calendar feed, which a calendar program (ical4j here) reads. On an
 * agreement of its own between the demo data's two boards, so other tests' data does not
 * matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorWorkspaceSystemTest {

	private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

	private final String conferenceTitle = "Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng " + this.suffix;

	/** The day of the conference: yesterday on the program's clock. */
	private final LocalDate conferenceDay = LocalDate.now(ScriptsApi.PROGRAM_ZONE).minusDays(1);

	private LocalStack stack;

	private ScriptsApi api;

	private Workspace editor;

	private Browser browser;

	private String agreement;

	private String agreementCode;

	@BeforeAll
	void start() {
		this.stack = SharedStack.get();
		this.api = new ScriptsApi(this.stack);
		this.agreementCode = "WS-" + this.suffix;
		this.agreement = this.api.activeAgreementOfBothBoards(this.agreementCode,
				"Chương trình hợp tác Lâm Đồng – TP.HCM " + this.suffix);
		this.editor = SignedInBrowsers.of("ld-editor");
		this.browser = this.editor.browser();
		this.browser.windowSize(1400, 1100);
		this.editor.open("index.html");
		this.editor.language("vi");
	}

	@Test
	@Order(1)
	void aConferenceRecordedThroughTheFormShowsOnTheOpenDashboardAndCalendarWithoutAReload() throws IOException {
		assertThat(this.browser.text("document.body.dataset.role")).isEqualTo("EDITOR");
		String row = "document.querySelector('#portfolio tr[data-agreement-id=\"" + this.agreement + "\"]')";
		String investors = "(" + row + "?.querySelector('[data-field=investors]')?.textContent ?? null)";
		String dashboard = this.browser.window();
		this.editor.open("index.html");
		await().atMost(Workspace.PROPAGATION).until(() -> this.browser.text(investors), "0"::equals);
		await().atMost(Workspace.PROPAGATION)
			.until(() -> this.browser.text("document.getElementById('stream').dataset.state"), "live"::equals);
		this.browser.run("window.sameDocument = 'yes'");
		String calendar = this.editor.openInNewWindow("calendar.html#month="
				+ this.conferenceDay.toString().substring(0, 7) + "&view=agenda&agreementId=" + this.agreement);
		await().atMost(Workspace.PROPAGATION)
			.until(() -> this.browser.text("document.getElementById('calendar-live').dataset.state"), "live"::equals);
		this.browser.run("window.sameDocument = 'yes'");

		String form = this.editor.openInNewWindow("activities.html?agreement=" + this.agreement);
		await().atMost(Workspace.PROPAGATION)
			.until(() -> this.browser.text("document.getElementById('form-agreement').textContent"),
					(chosen) -> chosen.startsWith(this.agreementCode));
		fillInTheConference();
		this.browser.setValue(this.browser.find(By.name("startsAt")), "2020-05-20T08:00");
		this.browser.setValue(this.browser.find(By.name("endsAt")), "2020-05-20T17:00");
		this.browser.find(By.id("activity-submit")).click();
		await().atMost(Workspace.PROPAGATION)
			.alias("the API's problem shows next to the field it names")
			.until(() -> this.browser.text("document.querySelector('#activity-form .field-error[data-field=startsAt]')"
					+ "?.textContent ?? ''"), (message) -> !message.isBlank());
		assertThat(this.browser.text("document.querySelector('[name=startsAt]').getAttribute('aria-invalid')"))
			.isEqualTo("true");
		assertThat(this.api.activities(this.agreement)).as("nothing stored").hasSize(1);

		this.browser.setValue(this.browser.find(By.name("startsAt")), this.conferenceDay + "T08:00");
		this.browser.setValue(this.browser.find(By.name("endsAt")), this.conferenceDay + "T17:00");
		this.browser.find(By.id("activity-submit")).click();
		await().atMost(Workspace.PROPAGATION)
			.alias("the new conference in the page's list")
			.until(() -> this.browser.text("document.getElementById('activity-list').tBodies[0].textContent"),
					(list) -> list.contains(this.conferenceTitle));
		assertThat(this.browser.text("document.getElementById('app-status').textContent")).isEqualTo("Đã lưu.");
		JsonNode stored = conference();
		assertThat(stored.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(stored.at("/title/vi").asString()).as("Vietnamese round-trips unchanged")
			.isEqualTo(this.conferenceTitle);
		assertThat(stored.at("/outcomes/investorsAttending").asInt()).isEqualTo(120);
		assertThat(stored.at("/outcomes/registeredCapital/amount").asLong()).isEqualTo(350_000_000_000L);
		assertThat(stored.path("commitmentIds")).hasSize(1);
		assertThat(stored.path("hostOrganizationId").asString()).isEqualTo(this.api.organizationId("BQL-LD"));

		this.browser.closeWindow(calendar);
		await().atMost(Workspace.PROPAGATION)
			.alias("the open calendar shows the conference")
			.until(() -> this.browser.text("Array.from(document.querySelectorAll('#calendar-agenda .entry-title'))"
					+ ".map((title) => title.textContent).join('|')"),
					(titles) -> titles.contains(this.conferenceTitle));
		assertThat(this.browser.text("window.sameDocument")).as("the calendar was not reloaded").isEqualTo("yes");
		assertThat(this.browser.text("Array.from(document.querySelectorAll('#calendar-agenda .calendar-entry'))"
				+ ".find((entry) => entry.textContent.includes('" + this.suffix + "'))"
				+ "?.querySelector('.entry-time').textContent"))
			.as("its time on the Vietnamese page")
			.isEqualTo("08:00");
		this.editor.screenshot("flow-calendar-agenda-vi");

		this.browser.closeWindow(dashboard);
		await().atMost(Workspace.PROPAGATION)
			.alias("the open dashboard shows the conference")
			.until(() -> this.browser.text(investors), "120"::equals);
		assertThat(this.browser.text("window.sameDocument")).as("the dashboard was not reloaded").isEqualTo("yes");
		assertThat(this.browser.text(row + ".querySelector('[data-field=capital]').textContent"))
			.isEqualTo("350.000.000.000\u00a0₫");
		assertThat(List.of(form, calendar)).doesNotContain(dashboard);
	}

	@Test
	@Order(2)
	void anImportWithOneBadRowShowsItsErrorAndStoresNothingUntilItIsFixed() throws IOException {
		int before = this.api.activities(this.agreement).size();
		String header = "Mã thỏa thuận;Loại hoạt động;Tiêu đề (VI);Bắt đầu;Kết thúc;Tỉnh thành;Đơn vị chủ trì;"
				+ "Đơn vị tham gia;Trạng thái;Nhà đầu tư tham dự;Thông báo đối tác";
		String good = this.agreementCode + ";Hội nghị xúc tiến đầu tư;Hội nghị nhập từ tệp " + this.suffix
				+ ";15/03/2025 08:00;15/03/2025 17:00;Lâm Đồng;BQL-LD;BQL-HCM;Đã hoàn thành;80;không";
		String bad = this.agreementCode + ";Hội nghị giao ban;Giao ban nhập từ tệp " + this.suffix
				+ ";20/03/2025 09:00;19/03/2025 11:00;Lâm Đồng;BQL-LD;BQL-HCM;Đã hoàn thành;;không";
		Path file = Files.createDirectories(Path.of("target", "import").toAbsolutePath())
			.resolve("hoat-dong-" + this.suffix + ".csv");
		Files.writeString(file, header + "\n" + good + "\n" + bad + "\n", StandardCharsets.UTF_8);

		this.editor.open("import.html");
		this.browser.find(By.id("import-file")).sendKeys(file.toString());
		this.browser.find(By.id("preview-button")).click();
		this.editor.awaitUntil("the preview of both rows",
				() -> this.browser.number("document.querySelectorAll('#import-preview tbody tr').length") == 2);
		this.editor.awaitSettled();
		assertThat(this.browser.number("document.querySelectorAll('#import-preview tbody tr.row-error').length"))
			.isEqualTo(1);
		assertThat(this.browser.text("document.querySelector('#import-preview tr.row-error .title').textContent"))
			.isEqualTo("Giao ban nhập từ tệp " + this.suffix);
		assertThat(this.browser.text("document.querySelector('#import-preview tr.row-error .errors').textContent"))
			.as("the bad row's error names its column")
			.contains("Kết thúc");
		assertThat(this.browser.text("String(document.getElementById('import-button').disabled)")).isEqualTo("true");
		this.editor.screenshot("flow-import-errors-vi");
		assertThat(this.api.activities(this.agreement)).as("nothing stored").hasSize(before);

		Files.writeString(file,
				header + "\n" + good + "\n" + bad.replace("19/03/2025 11:00", "20/03/2025 11:00") + "\n",
				StandardCharsets.UTF_8);
		this.browser.find(By.id("import-file")).clear();
		this.browser.find(By.id("import-file")).sendKeys(file.toString());
		this.browser.find(By.id("preview-button")).click();
		await().atMost(Workspace.PROPAGATION)
			.alias("the fixed file previews without errors")
			.until(() -> this.browser.text("String(document.getElementById('import-button').disabled)"),
					"false"::equals);
		assertThat(this.browser.number("document.querySelectorAll('#import-preview tbody tr.row-error').length"))
			.isZero();
		this.browser.find(By.id("import-button")).click();
		await().atMost(Workspace.PROPAGATION)
			.until(() -> this.browser.text("document.getElementById('import-result').dataset.kind + ' '"
					+ " + document.getElementById('import-result').hidden"), "ok false"::equals);
		assertThat(this.api.activities(this.agreement)).as("both rows stored").hasSize(before + 2);
		assertThat(this.api.activities(this.agreement))
			.anySatisfy((activity) -> assertThat(activity.at("/title/vi").asString())
				.isEqualTo("Giao ban nhập từ tệp " + this.suffix))
			.anySatisfy((activity) -> assertThat(activity.at("/outcomes/investorsAttending").asInt()).isEqualTo(80));
	}

	@Test
	@Order(3)
	void theCalendarFeedGivesACalendarProgramTheConference() throws Exception {
		this.editor.open("calendar.html");
		this.browser.find(By.id("feed-scope-agreement")).click();
		new Select(this.browser.find(By.id("feed-agreement"))).selectByValue(this.agreement);
		this.browser.find(By.cssSelector("#calendar-feed-form button[type=submit]")).click();
		String url = await().atMost(Workspace.PROPAGATION)
			.until(() -> this.browser.text("document.getElementById('calendar-feed-url').value"),
					(value) -> value != null && !value.isEmpty());
		assertThat(url).startsWith(this.stack.workspaceUrl() + "/calendar/feeds/").endsWith(".ics");
		assertThat(this.browser.text("document.getElementById('calendar-feed-webcal').value"))
			.isEqualTo(url.replaceFirst("^http:", "webcal:"));

		// a calendar program has no session: the secret URL is the permission
		HttpResponse<String> feed = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
		Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		VEvent conference = events.stream()
			.filter((event) -> event.getProperty(Property.SUMMARY)
				.map((summary) -> summary.getValue().contains(this.conferenceTitle))
				.orElse(false))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + this.conferenceTitle + " in " + feed.body()));
		assertThat(conference.getProperty(Property.DTSTART).orElseThrow().getValue())
			.startsWith(this.conferenceDay.toString().replace("-", ""));
		assertThat(conference.getProperty(Property.UID)).isPresent();
		assertThat(events).as("the agreement's other activities too").hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	@Order(4)
	void everyPageInBothLanguagesHasNoSeriousAccessibilityProblem() throws IOException {
		this.browser.windowSize(1400, 1100);
		List<String> problems = new ArrayList<>();
		List<String> loadTimes = new ArrayList<>();
		for (String language : List.of("vi", "en")) {
			this.editor.open("index.html");
			this.editor.language(language);
			for (String page : Workspace.PAGES) {
				this.editor.open(page);
				assertThat(this.browser.text("document.documentElement.lang")).as(page).isEqualTo(language);
				long[] load = this.editor.loadTimes();
				loadTimes.add("| " + page + " | " + language + " | " + load[0] + " | " + load[1] + " |");
				Accessibility.seriousViolations(this.browser)
					.forEach((violation) -> problems.add(page + " (" + language + "): " + violation));
				this.editor.screenshot(name(page) + "-" + language);
			}
		}
		this.editor.language("vi");
		Files.writeString(Path.of("target", "screenshots", "page-loads.md"),
				"| page | language | load event (ms) | last API answer (ms) |\n| --- | --- | ---: | ---: |\n"
						+ String.join("\n", loadTimes) + "\n",
				StandardCharsets.UTF_8);
		assertThat(problems).as("axe-core's serious and critical violations").isEmpty();
	}

	@Test
	@Order(5)
	void onAPhoneEveryPageFitsTheScreenAndTheFormRecords() throws IOException {
		this.browser.windowSize(360, 800);
		try {
			for (String page : Workspace.PAGES) {
				this.editor.open(page);
				assertThat(this.browser.number("document.documentElement.scrollWidth"))
					.as("%s scrolls sideways at 360 px", page)
					.isLessThanOrEqualTo(360);
				this.editor.screenshot(name(page) + "-vi-360");
			}
			String title = "Họp giao ban quý " + this.suffix;
			LocalDate inAMonth = LocalDate.now(ScriptsApi.PROGRAM_ZONE).plusMonths(1);
			this.editor.open("activities.html?agreement=" + this.agreement);
			new Select(this.browser.find(By.id("activity-type"))).selectByValue("JOINT_MEETING");
			this.browser.find(By.name("title.vi")).sendKeys(title);
			this.browser.setValue(this.browser.find(By.name("startsAt")), inAMonth + "T09:00");
			this.browser.setValue(this.browser.find(By.name("endsAt")), inAMonth + "T11:00");
			this.browser.find(By.cssSelector("#participant-choices input[type=checkbox]")).click();
			this.browser.find(By.id("activity-submit")).click();
			await().atMost(Workspace.PROPAGATION)
				.alias("the meeting recorded on a phone, in the page's list")
				.until(() -> this.browser.text("document.getElementById('activity-list').tBodies[0].textContent"),
						(list) -> list.contains(title));
			assertThat(this.api.activities(this.agreement))
				.anySatisfy((activity) -> assertThat(activity.at("/title/vi").asString()).isEqualTo(title));
			assertThat(this.browser.number("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
		}
		finally {
			this.browser.windowSize(1400, 1100);
		}
	}

	@Test
	@Order(6)
	void theRecordFormIsReachedControlByControlWithTheKeyboard() {
		this.editor.open("activities.html?agreement=" + this.agreement);
		// the outcomes shown, without moving the focus: the first Tab then starts at the
		// page's top
		this.browser.run("const status = document.getElementById('activity-status'); status.value = 'COMPLETED';"
				+ " status.dispatchEvent(new Event('change'));");
		Actions keyboard = new Actions(this.browser.driver());

		keyboard.sendKeys(Keys.TAB).perform();
		assertThat(this.browser.text("document.activeElement.className")).as("the first Tab").isEqualTo("skip");
		for (int i = 0; i < 400; i++) {
			keyboard.sendKeys(Keys.TAB).perform();
			this.browser.run("if (document.activeElement) { document.activeElement.dataset.tabbed = 'yes'; }");
		}

		String controls = """
				Array.from(document.querySelectorAll('#activity-form input, #activity-form select, \
				#activity-form textarea, #activity-form button'))
				  .filter((control) => control.offsetParent !== null && !control.disabled && control.type !== 'hidden')
				  .filter((control) => control.type !== 'radio' || control.checked)""".replace("\n", " ");
		String shown = this.browser.text(controls + ".map((control) => control.name || control.id).join(' ')");
		String unreached = this.browser.text(controls + ".filter((control) => control.dataset.tabbed !== 'yes')"
				+ ".map((control) => control.name || control.id || control.type).join(', ')");
		assertThat(shown).as("the form's controls, outcomes shown").contains("title.vi", "startsAt", "outcomes.");
		assertThat(unreached).as("controls of the record form that Tab never reached").isEmpty();
	}

	/** {@code follow-ups} for {@code follow-ups.html}: how the screenshots are named. */
	private static String name(String page) {
		return page.substring(0, page.length() - ".html".length());
	}

	/** The form filled in as a person does, the dates last (they are what goes wrong). */
	private void fillInTheConference() {
		new Select(this.browser.find(By.id("activity-type"))).selectByValue("INVESTMENT_PROMOTION_CONFERENCE");
		new Select(this.browser.find(By.id("activity-status"))).selectByValue("COMPLETED");
		this.browser.find(By.name("title.vi")).sendKeys(this.conferenceTitle);
		this.browser.find(By.name("title.en")).sendKeys("Investment promotion conference " + this.suffix);
		this.browser.find(By.name("location.province")).sendKeys("TP. Hồ Chí Minh");
		this.browser.find(By.name("location.venue")).sendKeys("Trung tâm Hội nghị");
		String hcmc = this.api.organizationId("BQL-HCM");
		assertThat(new Select(this.browser.find(By.id("host"))).getFirstSelectedOption().getAttribute("value"))
			.as("the editor's own board hosts by default")
			.isEqualTo(this.api.organizationId("BQL-LD"));
		this.browser.find(By.cssSelector("#participant-choices input[value='" + hcmc + "']")).click();
		this.browser.find(By.cssSelector("#commitment-choices input[type=checkbox]")).click();
		this.browser.find(By.name("outcomes.investorsAttending")).sendKeys("120");
		this.browser.find(By.name("outcomes.enterprisesAttending")).sendKeys("45");
		this.browser.find(By.name("outcomes.mousSigned")).sendKeys("3");
		this.browser.find(By.name("outcomes.registeredCapital.amount")).sendKeys("350000000000");
	}

	private JsonNode conference() {
		for (JsonNode activity : this.api.activities(this.agreement)) {
			if (this.conferenceTitle.equals(activity.at("/title/vi").asString())) {
				return activity;
			}
		}
		throw new AssertionError("No activity " + this.conferenceTitle + " stored");
	}

}
