package org.coophub.systemtests.history;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.mail.CapturedMail;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The annual report makes itself when a review falls due (issue 16, item 6), with the
 * real services exchanging their real events: the four services' clocks are moved to just
 * after the review's first reminder; notification-service announces the cycle DUE,
 * reporting-service generates the report of the year and announces it, and
 * notification-service mails the parties' contacts a signed link that opens the report
 * without signing in. No event is made by hand.
 * <p>
 * Then the clocks move past the review's day and past both overdue reminders at once, as
 * after downtime: one reminder goes out per contact, the latest, marked late; and an
 * agreement whose period ended meanwhile expires.
 * <p>
 * It moves the shared stack's clocks forward, for good: it runs after every other test
 * class on that stack ({@code @Order}, junit-platform.properties).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE)
class AutomaticReportSystemTest {

	static final Duration PROPAGATION = Duration.ofSeconds(120);

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Pattern REPORT_LINK = Pattern.compile("https?://[^\\s\"'<>]+/reports/[^\\s\"'<>]+");

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	/** Organization and agreement codes are upper case. */
	private final String code = this.suffix.toUpperCase(Locale.ROOT);

	private final String lamDongContact = "bao-cao-" + this.suffix + "@ar-lamdong.example";

	private final String hcmcContact = "report-" + this.suffix + "@ar-hepza.example";

	private LocalStack stack;

	private StackApi api;

	private String agreement;

	private LocalDate reviewOn;

	@BeforeAll
	void startStack() {
		this.stack = SharedStack.get();
		this.api = new StackApi(this.stack);
	}

	@Test
	@Order(1)
	void whenAReviewFallsDueItsReportIsGeneratedAndMailedAsALinkThatOpensWithoutSigningIn() {
		String lamDong = this.api.created(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"AR-LD-%s","name":{"vi":"Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
				 "en":"Lam Dong Province Industrial Zones Authority"},"kind":"INDUSTRIAL_ZONE_AUTHORITY",
				 "province":"Lâm Đồng","contacts":[{"name":"Văn phòng","email":"%s","language":"vi","notify":true}]}
				""".formatted(this.code, this.lamDongContact)).get("id").asString();
		String hcmc = this.api.created(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"AR-HCM-%s","name":{"vi":"Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM",
				 "en":"Ho Chi Minh City Export Processing and Industrial Zones Authority"},
				 "kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"TP. Hồ Chí Minh",
				 "contacts":[{"name":"Program desk","email":"%s","language":"en","notify":true}]}
				""".formatted(this.code, this.hcmcContact)).get("id").asString();
		// the review is ten days ahead of the services' today and its one reminder seven
		// days before it: the cycle falls due at the reminder's moment, three days ahead
		LocalDate today = LocalDate.ofInstant(this.stack.clockOf(StackService.NOTIFICATION), VIETNAM);
		LocalDate reviewOn = today.plusDays(10);
		if (MonthDay.from(reviewOn).equals(MonthDay.of(2, 29))) {
			reviewOn = reviewOn.plusDays(1);
		}
		String agreement = this.api.activeAgreement(
				"""
						{"code":"AR-%s","title":{"vi":"Chương trình hợp tác (báo cáo tự động)","en":"Cooperation program (automatic report)"},
						 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
						 "signedOn":"%d-01-01","startsOn":"%d-01-01","endsOn":"%d-12-31","timeZone":"Asia/Ho_Chi_Minh",
						 "areas":["INVESTMENT_PROMOTION"],
						 "reviewPolicy":{"month":%d,"day":%d,"timeZone":"Asia/Ho_Chi_Minh",
						   "hostRotation":["%s","%s"],"lastHostOrganizationId":"%s","reminderLeadDays":[7]}}
						"""
					.formatted(this.code, lamDong, hcmc, today.getYear() - 1, today.getYear() - 1, today.getYear() + 5,
							reviewOn.getMonthValue(), reviewOn.getDayOfMonth(), hcmc, lamDong, hcmc));
		this.agreement = agreement;
		this.reviewOn = reviewOn;
		int year = reviewOn.getYear();
		String schedulePath = "/api/v1/agreements/" + agreement + "/review-schedule";

		List<JsonNode> reminders = await().atMost(PROPAGATION)
			.until(() -> this.api.content(StackService.NOTIFICATION,
					"/api/v1/reminders?agreementId=" + agreement + "&status=PLANNED&size=50"), (r) -> !r.isEmpty());
		Instant firstReminder = reminders.stream()
			.map((reminder) -> Instant.parse(reminder.path("dueAt").asString()))
			.min(Instant::compareTo)
			.orElseThrow();
		JsonNode before = this.api.get(StackService.NOTIFICATION, schedulePath);
		assertThat(before.at("/next/year").asInt()).isEqualTo(year);
		assertThat(before.at("/next/status").asString()).isEqualTo("UPCOMING");
		assertThat(reportNotices(agreement)).as("no report before the review falls due").isEmpty();

		this.stack.setClocksTo(firstReminder.plus(Duration.ofMinutes(1)));

		JsonNode due = await().atMost(PROPAGATION)
			.until(() -> this.api.get(StackService.NOTIFICATION, schedulePath),
					(s) -> s != null && "DUE".equals(s.at("/next/status").asString()));
		assertThat(due.at("/next/year").asInt()).isEqualTo(year);

		// reporting-service generated the report on the DUE announcement and announced
		// it;
		// notification-service turned that into one mail per contact
		await().atMost(PROPAGATION)
			.until(() -> reportNotices(agreement),
					(entries) -> sentTo(entries, this.lamDongContact) && sentTo(entries, this.hcmcContact));

		for (String contact : List.of(this.lamDongContact, this.hcmcContact)) {
			CapturedMail mail = await().atMost(PROPAGATION).until(() -> reportMail(contact), (found) -> found != null);
			Matcher link = REPORT_LINK.matcher(mail.text());
			assertThat(link.find()).as("a link to the report in %s", mail.text()).isTrue();
			URI report = URI.create(link.group());
			assertThat(report.getPath()).isEqualTo("/reports/" + agreement + "/" + year);

			StackApi.Answer opened = this.api.open(report);
			assertThat(opened.status()).as("opens without a token: %s", opened.body()).isEqualTo(200);
			assertThat(opened.contentType()).matches("(text/html|application/pdf).*");

			StackApi.Answer tampered = this.api
				.open(URI.create(report.toString().replaceFirst("/" + year + "\\?", "/" + (year - 1) + "?")));
			assertThat(tampered.status()).as("the signature covers the year").isIn(401, 403);
		}
		StackApi.Answer signedIn = this.api.send(StackService.REPORTING, "GET",
				"/api/v1/agreements/" + agreement + "/reports/" + year, null, "Accept", "text/html");
		assertThat(signedIn.status()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void afterDowntimePastTheReviewDayOneLateOverdueReminderGoesOutAndAnEndedAgreementExpires() {
		assertThat(this.agreement).as("the review of the first test").isNotNull();
		LocalDate today = LocalDate.ofInstant(this.stack.clockOf(StackService.AGREEMENT), VIETNAM);
		String ending = this.api.activeAgreement("""
				{"code":"AR-END-%s","title":{"vi":"Chương trình hợp tác sắp hết hạn %s","en":"Program about to end %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"%s","startsOn":"%s","endsOn":"%s","timeZone":"Asia/Ho_Chi_Minh",
				 "areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":%d,"day":%d,"timeZone":"Asia/Ho_Chi_Minh",
				   "hostRotation":["%s","%s"],"reminderLeadDays":[1]}}
				""".formatted(this.code, this.code, this.code, partyIds().get(0), partyIds().get(1),
				today.minusYears(1), today.minusYears(1), today.plusDays(2), today.plusDays(30).getMonthValue(),
				today.plusDays(30).getDayOfMonth(), partyIds().get(0), partyIds().get(1)));
		String schedulePath = "/api/v1/agreements/" + this.agreement + "/review-schedule";

		// eight days after the review day at 09:00: the reminders of day 1 and day 7
		// after
		// it both fell due while nothing ran
		Instant after = this.reviewOn.plusDays(8).atTime(9, 0).atZone(VIETNAM).toInstant();
		this.stack.setClocksTo(after);

		JsonNode overdue = await().atMost(PROPAGATION)
			.until(() -> this.api.get(StackService.NOTIFICATION, schedulePath),
					(s) -> s != null && "OVERDUE".equals(s.at("/next/status").asString()));
		assertThat(overdue.at("/next/year").asInt()).isEqualTo(this.reviewOn.getYear());
		for (String contact : List.of(this.lamDongContact, this.hcmcContact)) {
			List<JsonNode> sent = await().atMost(PROPAGATION)
				.until(() -> overdueReminders(contact, "SENT"), (found) -> !found.isEmpty());
			assertThat(sent).as("one overdue reminder to %s after the downtime", contact).hasSize(1);
			assertThat(sent.get(0).at("/reminder/offsetDays").asInt()).as("the latest one").isEqualTo(-7);
			assertThat(sent.get(0).path("late").asBoolean()).isTrue();
			await().atMost(PROPAGATION)
				.until(() -> overdueReminders(contact, "CANCELLED"), (superseded) -> superseded.size() == 1
						&& superseded.get(0).at("/reminder/offsetDays").asInt() == -1);
		}
		CapturedMail late = await().atMost(PROPAGATION)
			.until(() -> this.stack.smtp()
				.messagesTo(this.hcmcContact)
				.stream()
				.filter((mail) -> mail.subject() != null && mail.subject().contains("overdue")
						&& mail.text().contains("(automatic report)"))
				.findFirst()
				.orElse(null), (found) -> found != null);
		assertThat(late.text()).as("the days since the review day, on the day it is sent").contains("8 days");

		JsonNode expired = await().atMost(PROPAGATION)
			.until(() -> this.api.get(StackService.AGREEMENT, "/api/v1/agreements/" + ending),
					(a) -> a != null && "EXPIRED".equals(a.path("status").asString()));
		assertThat(expired.path("endsOn").asString()).isEqualTo(today.plusDays(2).toString());
	}

	private List<String> partyIds() {
		JsonNode agreement = this.api.get(StackService.AGREEMENT, "/api/v1/agreements/" + this.agreement);
		List<String> ids = new java.util.ArrayList<>();
		agreement.path("parties").forEach((party) -> ids.add(party.path("organizationId").asString()));
		return ids;
	}

	private List<JsonNode> overdueReminders(String contact, String status) {
		return this.api
			.content(StackService.NOTIFICATION,
					"/api/v1/reminders?agreementId=" + this.agreement + "&status=" + status + "&size=50")
			.stream()
			.filter((reminder) -> contact.equals(reminder.path("recipient").asString())
					&& reminder.at("/reminder/offsetDays").asInt() < 0)
			.toList();
	}

	private List<JsonNode> reportNotices(String agreement) {
		return this.api.content(StackService.NOTIFICATION,
				"/api/v1/notifications?agreementId=" + agreement + "&kind=annual-report&size=50");
	}

	private static boolean sentTo(List<JsonNode> notices, String contact) {
		return notices.stream()
			.anyMatch((entry) -> contact.equals(entry.path("recipient").asString())
					&& "SENT".equals(entry.path("status").asString()));
	}

	private CapturedMail reportMail(String contact) {
		return this.stack.smtp()
			.messagesTo(contact)
			.stream()
			.filter((mail) -> mail.text() != null && REPORT_LINK.matcher(mail.text()).find())
			.findFirst()
			.orElse(null);
	}

}
