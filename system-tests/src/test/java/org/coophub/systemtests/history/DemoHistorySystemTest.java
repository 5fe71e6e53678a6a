package org.coophub.systemtests.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.demo.DemoData;
import org.coophub.localstack.mail.CapturedMail;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.coophub.systemtests.history.ReviewHistorySystemTest.assertHeld;
import static org.coophub.systemtests.history.ReviewHistorySystemTest.assertNothingMailedOrOnItsWay;
import static org.coophub.systemtests.history.ReviewHistorySystemTest.byYear;
import static org.coophub.systemtests.history.ReviewHistorySystemTest.nextReviewDay;

/**
 * The demo program loaded as the history it is (issue 16, item 9), on the shared stack,
 * which loads it at start: the reviews of 2010–2012 HELD in their own years with their
 * actual hosts, the years since MISSED, the next review on the first 6 November from
 * today hosted by the Lâm Đồng board (after HCMC, who hosted 2012) with its reminders
 * planned, not one mail to the two boards, the 2012 amendment in force from 2012-11-06,
 * and the 2012 report listing that year's commitments and its host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(5)
class DemoHistorySystemTest {

	static final Duration PROPAGATION = Duration.ofSeconds(120);

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The report's host line when the HCMC board hosted the review of 2012. */
	static final Pattern HOST_OF_2012 = Pattern
		.compile("2012: </span>\\s*<strong>Ho Chi Minh City Export Processing and Industrial Zones Authority</strong>");

	/** The demo's contacts all have addresses under these domains. */
	static final List<String> DEMO_DOMAINS = List.of("@bqlkcn-lamdong.example", "@bqlkcxcn-hcm.example");

	private LocalStack stack;

	private StackApi api;

	private String agreement;

	private String lamDong;

	private String hcmc;

	@BeforeAll
	void startStack() {
		this.stack = SharedStack.get();
		this.api = new StackApi(this.stack);
		DemoData.Outcome demo = this.stack.demoData().orElseThrow();
		assertThat(demo.loaded()).as("the shared stack loads the demo on a fresh start").isTrue();
		this.agreement = demo.agreementId();
		JsonNode program = this.api.get(StackService.AGREEMENT, "/api/v1/agreements/" + this.agreement);
		for (JsonNode party : program.path("parties")) {
			if ("LEAD".equals(party.path("role").asString())) {
				this.lamDong = party.path("organizationId").asString();
			}
			else {
				this.hcmc = party.path("organizationId").asString();
			}
		}
	}

	@Test
	void theReviewsKeepTheirYearsAndTheNextOneIsPlannedWithTheRotationsHost() {
		LocalDate today = LocalDate.ofInstant(this.stack.clockOf(StackService.NOTIFICATION), VIETNAM);
		LocalDate next = nextReviewDay(MonthDay.of(11, 6), today);

		JsonNode schedule = await().atMost(PROPAGATION)
			.until(() -> this.api.get(StackService.NOTIFICATION,
					"/api/v1/agreements/" + this.agreement + "/review-schedule"),
					(s) -> s != null && s.at("/next/year").asInt() == next.getYear() && byYear(s).containsKey(2012)
							&& "HELD".equals(byYear(s).get(2012).path("status").asString()));
		Map<Integer, JsonNode> cycles = byYear(schedule);
		assertHeld(cycles.get(2010), LocalDate.of(2010, 11, 5), this.hcmc);
		assertHeld(cycles.get(2011), LocalDate.of(2011, 11, 4), this.lamDong);
		assertHeld(cycles.get(2012), LocalDate.of(2012, 11, 6), this.hcmc);
		for (int year = 2013; year < next.getYear(); year++) {
			assertThat(cycles.get(year)).as("cycle %d", year).isNotNull();
			assertThat(cycles.get(year).path("status").asString()).as("cycle %d", year).isEqualTo("MISSED");
		}
		assertThat(schedule.at("/next/dueOn").asString()).isEqualTo(next.toString());
		assertThat(schedule.at("/next/hostOrganizationId").asString())
			.as("the Lâm Đồng board, after HCMC who hosted 2012")
			.isEqualTo(this.lamDong);

		List<JsonNode> reminders = await().atMost(PROPAGATION)
			.until(() -> this.api.content(StackService.NOTIFICATION,
					"/api/v1/reminders?agreementId=" + this.agreement + "&status=PLANNED&size=100"),
					(r) -> !r.isEmpty());
		assertThat(reminders)
			.allSatisfy((reminder) -> assertThat(reminder.at("/reminder/dueOn").asString()).isEqualTo(next.toString()));
	}

	@Test
	void loadingTheDemoMailedNobody() {
		// every historical activity's notice, to each contact of the other board, is kept
		// in the ledger as SUPPRESSED: 18 activities, at least one contact each
		List<JsonNode> suppressed = await().atMost(PROPAGATION)
			.until(() -> this.api.content(StackService.NOTIFICATION,
					"/api/v1/notifications?agreementId=" + this.agreement + "&status=SUPPRESSED&size=500"),
					(entries) -> entries.size() >= 18);
		assertThat(suppressed).allSatisfy((entry) -> assertThat(entry.path("reason").asString()).isNotBlank());
		List<JsonNode> ledger = this.api.content(StackService.NOTIFICATION,
				"/api/v1/notifications?agreementId=" + this.agreement + "&size=500");
		assertNothingMailedOrOnItsWay(ledger);
		List<CapturedMail> toTheBoards = this.stack.smtp()
			.messages()
			.stream()
			.filter((mail) -> mail.recipients()
				.stream()
				.anyMatch((address) -> DEMO_DOMAINS.stream().anyMatch(address::endsWith)))
			.toList();
		assertThat(toTheBoards).extracting(CapturedMail::subject).isEmpty();
	}

	@Test
	void theAmendmentOf2012IsInForceFromItsEffectiveDate() {
		JsonNode after = this.api.get(StackService.AGREEMENT,
				"/api/v1/agreements/" + this.agreement + "?asOf=2012-11-07");
		assertThat(after.path("areas").toString()).contains("RAW_MATERIAL_SOURCING");
		JsonNode before = this.api.get(StackService.AGREEMENT,
				"/api/v1/agreements/" + this.agreement + "?asOf=2012-11-05");
		assertThat(before.path("areas").toString()).doesNotContain("RAW_MATERIAL_SOURCING");
		assertThat(before.path("status").asString()).as("in force since 2009-10-15").isEqualTo("ACTIVE");
	}

	@Test
	void theReportOf2012ListsThatYearsCommitmentsAndItsHost() {
		StackApi.Answer report = await().atMost(PROPAGATION)
			.until(() -> this.api.send(StackService.REPORTING, "GET",
					"/api/v1/agreements/" + this.agreement + "/reports/2012?lang=en", null, "Accept", "text/html"),
					// the review's own event may reach reporting-service after the report
					// first answers (the cycle shows MISSED, then HELD): wait for it held
					(answer) -> answer.status() == 200 && answer.body().contains("Held on 6 Nov 2012"));
		assertThat(report.contentType()).startsWith("text/html");
		// the content hash is hex and may hold any four digits: not part of what the year
		// says
		String text = report.body().replaceAll("<span class=\"hash\">[0-9a-f]+</span>", "");
		assertThat(text).contains("Keep providing news on the construction and development")
			.contains("Regularly exchange information on professional practice")
			.contains("Hold investment and trade promotion conferences")
			.doesNotContain("2030");
		assertThat(report.body()).as("the HCMC board hosted the review of 2012").containsPattern(HOST_OF_2012);
	}

}
