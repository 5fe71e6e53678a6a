package org.coophub.systemtests.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Years of reviews typed in after the fact, out of order, keep their meaning (issue 16):
 * two boards record the reviews of 2012, 2010 and 2011 (2010 hosted by a board the
 * rotation did not plan) and the review coming up, through activity-service only.
 * notification-service puts each held review in the cycle of its own year with its actual
 * host and date, marks the years since MISSED, plans the next review in its own year with
 * the host after the most recent actual host, and nobody is mailed: the ledger keeps the
 * history's notices as SUPPRESSED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(10)
class ReviewHistorySystemTest {

	static final Duration PROPAGATION = Duration.ofSeconds(90);

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	/** Organization and agreement codes are upper case. */
	private final String code = this.suffix.toUpperCase(Locale.ROOT);

	private final String lamDongContact = "so-ket-" + this.suffix + "@rh-lamdong.example";

	private final String hcmcContact = "so-ket-" + this.suffix + "@rh-hepza.example";

	private LocalStack stack;

	private StackApi api;

	@BeforeAll
	void startStack() {
		this.stack = SharedStack.get();
		this.api = new StackApi(this.stack);
	}

	@Test
	void pastReviewsRecordedOutOfOrderKeepTheirYearsHostsAndSilence() {
		String lamDong = organization("RH-LD-" + this.code, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
				this.lamDongContact);
		String hcmc = organization("RH-HCM-" + this.code, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM",
				this.hcmcContact);
		// the review day is two months ahead of today, whatever today is, so no reminder
		// of the coming review falls due while the test runs
		LocalDate today = LocalDate.now(VIETNAM);
		MonthDay reviewDay = MonthDay.from(today.plusDays(60));
		if (reviewDay.equals(MonthDay.of(2, 29))) {
			reviewDay = MonthDay.of(2, 28);
		}
		String agreement = this.api.activeAgreement(
				"""
						{"code":"RH-%s","title":{"vi":"Chương trình hợp tác (lịch sử sơ kết)","en":"Cooperation program (review history)"},
						 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
						 "signedOn":"2009-01-05","startsOn":"2009-01-05","endsOn":"2035-12-31","timeZone":"Asia/Ho_Chi_Minh",
						 "areas":["INVESTMENT_PROMOTION"],
						 "reviewPolicy":{"month":%d,"day":%d,"timeZone":"Asia/Ho_Chi_Minh",
						   "hostRotation":["%s","%s"],"lastHostOrganizationId":"%s","reminderLeadDays":[30,7,1]}}
						"""
					.formatted(this.code, lamDong, hcmc, reviewDay.getMonthValue(), reviewDay.getDayOfMonth(), lamDong,
							hcmc, lamDong));
		LocalDate next = nextReviewDay(reviewDay, today);

		// out of order, as the secretariat finds the minutes; the rotation planned HCMC
		// for 2010 (after Lâm Đồng, the last host before the system), Lâm Đồng hosted it
		record(agreement, "2012", reviewDay.atYear(2012), lamDong, hcmc, "COMPLETED", true);
		record(agreement, "2010", reviewDay.atYear(2010), lamDong, hcmc, "COMPLETED", true);
		record(agreement, "2011", reviewDay.atYear(2011), hcmc, lamDong, "COMPLETED", true);
		// the coming review, planned in the calendar entered with the history: its
		// invitation and reminders are notification-service's, the secretariat sends no
		// notice
		record(agreement, String.valueOf(next.getYear()), next, hcmc, lamDong, "PLANNED", false);

		JsonNode schedule = await().atMost(PROPAGATION)
			.until(() -> this.api.get(StackService.NOTIFICATION,
					"/api/v1/agreements/" + agreement + "/review-schedule"), (s) -> s != null && heldYears(s) == 3);
		Map<Integer, JsonNode> cycles = byYear(schedule);
		assertHeld(cycles.get(2010), reviewDay.atYear(2010), lamDong);
		assertThat(cycles.get(2010).path("plannedHostOrganizationId").asString())
			.as("the rotation planned HCMC for 2010; Lâm Đồng hosted it")
			.isEqualTo(hcmc);
		assertHeld(cycles.get(2011), reviewDay.atYear(2011), hcmc);
		assertHeld(cycles.get(2012), reviewDay.atYear(2012), lamDong);
		for (int year = 2013; year < next.getYear(); year++) {
			assertThat(cycles.get(year)).as("cycle %d", year).isNotNull();
			assertThat(cycles.get(year).path("status").asString()).as("cycle %d", year).isEqualTo("MISSED");
		}
		JsonNode upcoming = schedule.path("next");
		assertThat(upcoming.path("year").asInt()).isEqualTo(next.getYear());
		assertThat(upcoming.path("dueOn").asString()).isEqualTo(next.toString());
		assertThat(upcoming.path("status").asString()).isEqualTo("UPCOMING");
		assertThat(upcoming.path("hostOrganizationId").asString())
			.as("the party after the most recent actual host (Lâm Đồng, 2012)")
			.isEqualTo(hcmc);
		assertThat(upcoming.path("rotation").asString()).as("the schedule says why").isNotBlank();

		List<JsonNode> reminders = await().atMost(PROPAGATION)
			.until(() -> this.api.content(StackService.NOTIFICATION,
					"/api/v1/reminders?agreementId=" + agreement + "&status=PLANNED&size=100"), (r) -> !r.isEmpty());
		assertThat(reminders)
			.allSatisfy((reminder) -> assertThat(reminder.at("/reminder/dueOn").asString()).isEqualTo(next.toString()));

		// each review's notice to the other party is in the ledger, not in anyone's inbox
		List<JsonNode> suppressed = await().atMost(PROPAGATION)
			.until(() -> this.api.content(StackService.NOTIFICATION,
					"/api/v1/notifications?agreementId=" + agreement + "&status=SUPPRESSED&size=100"),
					(entries) -> entries.size() >= 4);
		assertThat(suppressed).allSatisfy((entry) -> assertThat(entry.path("reason").asString()).isNotBlank());
		assertThat(suppressed).extracting((entry) -> entry.path("reason").asString())
			.anySatisfy((reason) -> assertThat(reason).contains("notifyPartners=false"))
			.anySatisfy((reason) -> assertThat(reason).contains("2010"));
		List<JsonNode> ledger = this.api.content(StackService.NOTIFICATION,
				"/api/v1/notifications?agreementId=" + agreement + "&size=200");
		assertNothingMailedOrOnItsWay(ledger);
		assertThat(this.stack.smtp().messagesTo(this.lamDongContact)).isEmpty();
		assertThat(this.stack.smtp().messagesTo(this.hcmcContact)).isEmpty();
	}

	private String organization(String code, String name, String contact) {
		return this.api.created(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"%s","name":{"vi":"%s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
				 "contacts":[{"name":"Văn phòng","email":"%s","language":"vi","notify":true}]}
				""".formatted(code, name, contact)).get("id").asString();
	}

	/**
	 * Records an annual review through activity-service, asking again while it does not
	 * know the freshly activated agreement yet (422).
	 */
	private void record(String agreement, String label, LocalDate day, String host, String guest, String status,
			boolean notifyPartners) {
		String activity = """
				{"agreementId":"%s","type":"ANNUAL_REVIEW",
				 "title":{"vi":"Sơ kết Chương trình hợp tác năm %s","en":"%s review of the cooperation program"},
				 "startsAt":"%sT08:30:00","endsAt":"%sT11:30:00","timeZone":"Asia/Ho_Chi_Minh",
				 "location":{"province":"Lâm Đồng","venue":"Trụ sở Ban Quản lý"},
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s","%s"],"status":"%s",
				 "notifyPartners":%s}
				""".formatted(agreement, label, label, day, day, host, host, guest, status, notifyPartners);
		StackApi.Answer recorded = await().atMost(PROPAGATION)
			.until(() -> this.api.send(StackService.ACTIVITY, "POST", "/api/v1/activities", activity),
					(answer) -> answer.status() != 422);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
	}

	/** The first review day on or after today. */
	static LocalDate nextReviewDay(MonthDay reviewDay, LocalDate today) {
		LocalDate thisYear = reviewDay.atYear(today.getYear());
		return thisYear.isBefore(today) ? reviewDay.atYear(today.getYear() + 1) : thisYear;
	}

	static Map<Integer, JsonNode> byYear(JsonNode schedule) {
		return schedule.path("cycles")
			.valueStream()
			.collect(Collectors.toMap((cycle) -> cycle.path("year").asInt(), Function.identity(), (a, b) -> a));
	}

	private static long heldYears(JsonNode schedule) {
		return schedule.path("cycles")
			.valueStream()
			.filter((cycle) -> "HELD".equals(cycle.path("status").asString()))
			.count();
	}

	/**
	 * No ledger entry was sent, is being sent or failed, and the only ones planned are
	 * review reminders of the coming review (due later): nobody was mailed and nobody
	 * will be, but for those reminders.
	 */
	static void assertNothingMailedOrOnItsWay(List<JsonNode> ledger) {
		assertThat(ledger).allSatisfy((entry) -> {
			String status = entry.path("status").asString();
			assertThat(status).as(entry.toString()).isNotIn("SENT", "SENDING", "FAILED");
			if (status.equals("PLANNED")) {
				assertThat(entry.path("kind").asString()).as(entry.toString()).isEqualTo("review-reminder");
			}
		});
	}

	static void assertHeld(JsonNode cycle, LocalDate heldOn, String host) {
		assertThat(cycle).as("cycle of %s", heldOn.getYear()).isNotNull();
		assertThat(cycle.path("status").asString()).as(cycle.toString()).isEqualTo("HELD");
		assertThat(cycle.path("heldOn").asString()).as(cycle.toString()).isEqualTo(heldOn.toString());
		assertThat(cycle.path("hostOrganizationId").asString()).as(cycle.toString()).isEqualTo(host);
	}

}
