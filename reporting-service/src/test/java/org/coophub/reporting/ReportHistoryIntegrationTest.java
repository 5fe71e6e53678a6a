package org.coophub.reporting;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coophub.events.DomainEvent;
import org.coophub.events.Topics;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementAmended;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentAdded;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.CommitmentUpdated;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.agreement.Target;
import org.coophub.events.agreement.TargetMeasure;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewHeld;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.reporting.report.AnnualReportsAccess;
import org.coophub.reporting.report.ReportLinks;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TopicProbe;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reports of past periods keep their meaning when history arrives later, and reports
 * generate themselves when a review falls due or is held, announced with a link that
 * opens without signing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ReportHistoryIntegrationTest {

	private static final String LD_NAME = "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng";

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	ReportLinks links;

	RestTestClient http;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
	}

	@Test
	void the2012ReportShowsTheAgreementAndHostOf2012AndChangesOnlyWithDataOf2012() throws IOException {
		String id = UUID.randomUUID().toString();
		String ld = "ld-" + id;
		String hcm = "hcm-" + id;
		organizations(ld, hcm);
		Commitment conferences = new Commitment("c-conf",
				new LocalizedText("Tổ chức hội nghị xúc tiến đầu tư hằng năm", "Investment conferences every year"),
				Area.INVESTMENT_PROMOTION, hcm, new Target("conferences", 1), null, CommitmentStatus.IN_PROGRESS);
		AgreementState created = agreement(id, ld, hcm, "Chương trình hợp tác Lâm Đồng – TP.HCM",
				AgreementStatus.ACTIVE, List.of(conferences));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), id, 1, created));
		// the 2011 and 2012 reviews, entered today; 2012's hosted by Lâm Đồng
		publish(new ReviewHeld(UUID.randomUUID().toString(), Instant.now(), id, 1, 2011, LocalDate.of(2011, 11, 6),
				LocalDate.of(2011, 11, 5), hcm, null, ld));
		publish(new ReviewHeld(UUID.randomUUID().toString(), Instant.now(), id, 2, 2012, LocalDate.of(2012, 11, 6),
				LocalDate.of(2012, 11, 8), ld, null, hcm));
		publish(activity(id, "a2011", ActivityType.INVESTMENT_PROMOTION_CONFERENCE, "Hội nghị năm 2011",
				LocalDateTime.of(2011, 6, 1, 8, 0), List.of(), null));
		publish(activity(id, "a2012", ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				"Hội nghị xúc tiến đầu tư tại Đà Lạt 2012", LocalDateTime.of(2012, 5, 18, 8, 0), List.of("c-conf"),
				new Outcomes(80, null, null, null, null, null)));
		publish(activity(id, "review2012", ActivityType.ANNUAL_REVIEW, "Hội nghị sơ kết năm 2012",
				LocalDateTime.of(2012, 11, 8, 8, 0), List.of(), new Outcomes(null, null, null, null, null, null, null,
						null, 30, null, List.of("Tiếp tục xúc tiến đầu tư chung"))));
		publish(activity(id, "a2012late", ActivityType.TRAINING, "Hội thảo sau sơ kết 2012",
				LocalDateTime.of(2012, 11, 20, 8, 0), List.of(), null));
		await().until(() -> dashboard(id).at("/activityCount").asInt() == 4
				&& english(id, 2012).contains("Period: 6 Nov 2011 to 8 Nov 2012"));

		byte[] before = pdf(id, 2012);
		// kept for a person to look at
		java.nio.file.Path copy = java.nio.file.Path.of("target", "reports", "annual-report-2012-as-of-vi.pdf");
		java.nio.file.Files.createDirectories(copy.getParent());
		java.nio.file.Files.write(copy, before);
		java.nio.file.Files.writeString(copy.resolveSibling("annual-report-2012-as-of-en.html"), english(id, 2012));
		String text = text(before);
		assertThat(text).contains("BÁO CÁO SƠ KẾT NĂM 2012")
			.contains("Kỳ báo cáo: từ 06/11/2011 đến 08/11/2012 (từ sau kỳ sơ kết năm trước đến kỳ sơ kết năm nay)")
			.contains("Hội nghị xúc tiến đầu tư tại Đà Lạt 2012")
			.contains("Tiếp tục xúc tiến đầu tư chung")
			.contains("Kỳ sơ kết năm 2012: " + LD_NAME)
			.contains("Tổ chức hội nghị xúc tiến đầu tư hằng năm")
			.contains("Đang thực hiện")
			.contains("thỏa thuận phiên bản 1")
			.contains("2 hoạt động trong kỳ")
			.doesNotContain("Hội nghị năm 2011")
			.doesNotContain("Hội thảo sau sơ kết 2012");

		// years later: a commitment added, the old one done, an amendment of 2025, a
		// suspension, a missed review and the next one planned
		Commitment later = new Commitment("c-later", new LocalizedText("Cam kết mới năm 2026", "New in 2026"),
				Area.TRADE_PROMOTION, ld, null, null, CommitmentStatus.OPEN, LocalDate.of(2026, 3, 1));
		publish(new CommitmentAdded(
				UUID.randomUUID().toString(), Instant.now(), id, 2, "c-later", agreement(id, ld, hcm,
						"Chương trình hợp tác Lâm Đồng – TP.HCM", AgreementStatus.ACTIVE, List.of(conferences, later)),
				LocalDate.of(2026, 3, 1)));
		Commitment done = new Commitment("c-conf", conferences.title(), conferences.area(), hcm, conferences.target(),
				null, CommitmentStatus.DONE);
		publish(new CommitmentUpdated(UUID.randomUUID().toString(), Instant.now(), id, 3, "c-conf", agreement(id, ld,
				hcm, "Chương trình hợp tác Lâm Đồng – TP.HCM", AgreementStatus.ACTIVE, List.of(done, later))));
		Commitment added2025 = new Commitment("c-2025", new LocalizedText("Cam kết bổ sung 2025", "Added in 2025"),
				Area.OTHER, ld, null, null, CommitmentStatus.OPEN);
		publish(new AgreementAmended(UUID.randomUUID().toString(), Instant.now(), id, 4,
				agreement(id, ld, hcm, "Chương trình hợp tác (sửa đổi 2025)", AgreementStatus.ACTIVE,
						List.of(done, later, added2025)),
				List.of("title", "commitments"), "Sửa đổi", "admin", LocalDate.of(2025, 1, 1)));
		publish(new AgreementStatusChanged(UUID.randomUUID().toString(), Instant.now(), id, 5, agreement(id, ld, hcm,
				"Chương trình hợp tác (sửa đổi 2025)", AgreementStatus.SUSPENDED, List.of(done, later, added2025)),
				LocalDate.of(2026, 6, 1)));
		publish(new ReviewScheduled(UUID.randomUUID().toString(), Instant.now(), id, 3, 2013, LocalDate.of(2013, 11, 6),
				ld, ReviewCycleStatus.MISSED));
		publish(new ReviewScheduled(UUID.randomUUID().toString(), Instant.now(), id, 20, 2027,
				LocalDate.of(2027, 11, 6), hcm, ReviewCycleStatus.UPCOMING));
		await().until(() -> {
			JsonNode dashboard = dashboard(id);
			return dashboard.at("/agreement/version").asLong() == 5 && dashboard.at("/nextReview/year").asInt() == 2027;
		});
		assertThat(english(id, 2026)).as("the later history arrived")
			.contains("New in 2026")
			.contains("Added in 2025")
			.contains("Done");

		byte[] after = pdf(id, 2012);
		assertThat(after).as("later history does not change the report of 2012").isEqualTo(before);
		assertThat(text(after)).doesNotContain("Cam kết mới năm 2026")
			.doesNotContain("Cam kết bổ sung 2025")
			.doesNotContain("sửa đổi 2025")
			.contains("Kỳ sơ kết năm 2012: " + LD_NAME);

		publish(activity(id, "a2012b", ActivityType.EXPERIENCE_EXCHANGE, "Trao đổi kinh nghiệm quản lý KCN 2012",
				LocalDateTime.of(2012, 9, 10, 8, 0), List.of(), null));
		await().until(() -> !java.util.Arrays.equals(pdf(id, 2012), before));
		assertThat(text(pdf(id, 2012))).contains("Trao đổi kinh nghiệm quản lý KCN 2012")
			.contains("3 hoạt động trong kỳ");
	}

	@Test
	void aReviewFallingDueThenHeldGeneratesItsReportWithALinkThatOpensWithoutSigningIn() throws IOException {
		String id = UUID.randomUUID().toString();
		String ld = "ld-" + id;
		String hcm = "hcm-" + id;
		organizations(ld, hcm);
		Target investors = new Target("investors", 0, TargetMeasure.OUTCOME_SUM,
				List.of(ActivityType.INVESTMENT_PROMOTION_CONFERENCE), "investorsAttending", null,
				new BigDecimal("100"), null, true);
		Commitment attract = new Commitment("c-investors",
				new LocalizedText("Thu hút 100 nhà đầu tư mỗi năm", "100 investors a year"), Area.INVESTMENT_PROMOTION,
				hcm, investors, null, CommitmentStatus.IN_PROGRESS);
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), id, 1,
				agreement(id, ld, hcm, "Chương trình hợp tác", AgreementStatus.ACTIVE, List.of(attract))));
		// history entered today: nobody is mailed about these reviews' reports
		publish(new ReviewHeld(UUID.randomUUID().toString(), Instant.now(), id, 1, 2011, LocalDate.of(2011, 11, 6),
				LocalDate.of(2011, 11, 6), hcm, null, ld));
		publish(new ReviewHeld(UUID.randomUUID().toString(), Instant.now(), id, 2, 2025, LocalDate.of(2025, 11, 6),
				LocalDate.of(2025, 11, 6), ld, null, hcm));
		// not linked to the commitment: counts because its target includes its area's
		// conferences
		publish(activity(id, "conf2026", ActivityType.INVESTMENT_PROMOTION_CONFERENCE, "Hội nghị xúc tiến đầu tư 2026",
				LocalDateTime.of(2026, 5, 20, 8, 0), List.of(), new Outcomes(120, null, null, null, null, null)));
		await().until(() -> {
			JsonNode dashboard = dashboard(id);
			return dashboard.at("/activityCount").asInt() == 1 && dashboard.at("/nextReview/year").asInt() == 2026;
		});
		JsonNode year2026 = null;
		for (JsonNode year : dashboard(id).at("/commitments/0/years")) {
			if (year.get("year").asInt() == 2026) {
				year2026 = year;
			}
		}
		assertThat(year2026).isNotNull();
		assertThat(year2026.get("achieved").decimalValue()).isEqualByComparingTo("120");
		assertThat(year2026.get("targetValue").decimalValue()).isEqualByComparingTo("100");

		try (TopicProbe reports = TopicProbe.subscribe(Topics.REPORT_EVENTS)) {
			// the first reminder's moment, 30 days before the review
			publish(new ReviewScheduled(UUID.randomUUID().toString(), Instant.parse("2026-10-06T17:00:00Z"), id, 5,
					2026, LocalDate.of(2026, 11, 6), hcm, ReviewCycleStatus.DUE));
			JsonNode due = this.json.readTree(reports.awaitRecord((r) -> id.equals(r.key())).value());
			assertThat(due.get("year").asInt()).isEqualTo(2026);
			assertThat(due.get("trigger").asString()).isEqualTo("DUE");
			assertThat(due.get("periodStart").asString()).isEqualTo("2025-11-07");
			assertThat(due.get("periodEnd").asString()).isEqualTo("2026-12-31");
			assertThat(due.get("linkExpiresAt").asString()).isNotBlank();
			String link = due.get("linkPath").asString();
			assertThat(link).startsWith("/reports/" + id + "/2026?expires=");

			RestTestClient anonymous = ServiceClients.anonymous(this.port);
			byte[] pdf = anonymous.get()
				.uri(link)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PDF)
				.expectBody(byte[].class)
				.returnResult()
				.getResponseBody();
			assertThat(AnnualReportsAccess.sha256(pdf)).isEqualTo(due.get("contentHash").asString());
			assertThat(text(pdf)).contains("Thu hút 100 nhà đầu tư mỗi năm")
				.contains("120 (Nhà đầu tư tham dự)")
				.contains("100 (Nhà đầu tư tham dự)");
			anonymous.get()
				.uri("/api/v1/agreements/{id}/reports/2026.pdf", id)
				.exchange()
				.expectStatus()
				.isUnauthorized();
			String tampered = link.substring(0, link.length() - 1) + (link.endsWith("0") ? "1" : "0");
			refused(anonymous, tampered);
			refused(anonymous, link.replace("/2026?", "/2025?"));
			refused(anonymous, this.links.link(id, 2026, Instant.now().minusSeconds(60)).path());

			publish(new ReviewHeld(UUID.randomUUID().toString(), Instant.parse("2026-11-06T09:00:00Z"), id, 6, 2026,
					LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 5), hcm, null, ld));
			ConsumerRecord<String, String> heldRecord = reports
				.awaitRecord((r) -> id.equals(r.key()) && r.value().contains("\"HELD\""));
			JsonNode held = this.json.readTree(heldRecord.value());
			assertThat(held.get("year").asInt()).isEqualTo(2026);
			assertThat(held.get("periodStart").asString()).isEqualTo("2025-11-07");
			assertThat(held.get("periodEnd").asString()).isEqualTo("2026-11-05");
			assertThat(held.get("version").asLong()).isEqualTo(2);
			assertThat(reports.received().stream().filter((r) -> id.equals(r.key())))
				.as("the reports of reviews entered as history were not announced")
				.allSatisfy((r) -> assertThat(this.json.readTree(r.value()).get("year").asInt()).isEqualTo(2026));
		}
	}

	private static void refused(RestTestClient anonymous, String link) {
		anonymous.get()
			.uri(link)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private void organizations(String ld, String hcm) {
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), ld, 1,
				new OrganizationState(ld, "BQL-LD", new LocalizedText(LD_NAME, "Lam Dong Industrial Zones Authority"),
						"INDUSTRIAL_ZONE_AUTHORITY", "Lâm Đồng", List.of(), List.of(), true)));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), hcm, 1,
				new OrganizationState(hcm, "HEPZA",
						new LocalizedText("Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM", "HEPZA"),
						"INDUSTRIAL_ZONE_AUTHORITY", "TP. Hồ Chí Minh", List.of(), List.of(), true)));
	}

	private static AgreementState agreement(String id, String ld, String hcm, String title, AgreementStatus status,
			List<Commitment> commitments) {
		return new AgreementState(id, "CTHT-" + id.substring(0, 8), new LocalizedText(title, title),
				List.of(new Party(ld, PartyRole.LEAD), new Party(hcm, PartyRole.PARTNER)), LocalDate.of(2009, 10, 15),
				LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh", List.of(Area.INVESTMENT_PROMOTION), status,
				commitments, new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(hcm, ld), ld, List.of(30)));
	}

	private static ActivityRecorded activity(String agreementId, String id, ActivityType type, String title,
			LocalDateTime startsAt, List<String> commitments, Outcomes outcomes) {
		String activityId = id + "-" + agreementId;
		return new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), activityId, 1,
				new ActivityState(activityId, agreementId, type, new LocalizedText(title, title), startsAt,
						startsAt.plusHours(8), "Asia/Ho_Chi_Minh", null, "org", List.of(), commitments,
						ActivityStatus.COMPLETED, outcomes));
	}

	private JsonNode dashboard(String agreementId) {
		var result = this.http.get()
			.uri("/api/v1/dashboard/agreements/{id}", agreementId)
			.exchange()
			.expectBody()
			.returnResult();
		if (!result.getStatus().is2xxSuccessful()) {
			return this.json.createObjectNode();
		}
		return this.json.readTree(result.getResponseBody());
	}

	private String english(String agreementId, int year) {
		var result = this.http.get()
			.uri("/api/v1/agreements/{id}/reports/{year}?lang=en", agreementId, year)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		return result.getStatus().is2xxSuccessful() ? result.getResponseBody() : "";
	}

	private byte[] pdf(String agreementId, int year) {
		return this.http.get()
			.uri("/api/v1/agreements/{id}/reports/{year}", agreementId, year)
			.accept(MediaType.APPLICATION_PDF)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// table cells wrap: read the text as one line
			return new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", " ");
		}
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

}
