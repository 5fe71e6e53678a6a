package org.coophub.reporting;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.agreement.Target;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.common.Money;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
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
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The annual review report from events: Vietnamese headings intact in the PDF's text, the
 * same bytes every time, HTML that escapes, and report.annual-generated once when the
 * review falls due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class AnnualReportIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	RestTestClient http;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
	}

	@Test
	void theReportOfAYearIsAReproduciblePdfWithItsVietnameseHeadingsAndIsAnnouncedWhenTheReviewFallsDue()
			throws IOException {
		String agreementId = givenAProgramWithAYearOfActivities();

		byte[] pdf = pdf(agreementId).getResponseBody();
		// kept for a person to look at
		java.nio.file.Path copy = java.nio.file.Path.of("target", "reports", "annual-report-2025-vi.pdf");
		java.nio.file.Files.createDirectories(copy.getParent());
		java.nio.file.Files.write(copy, pdf);
		String text = text(pdf);
		assertThat(text).contains("BÁO CÁO SƠ KẾT NĂM 2025")
			.contains("1. Kết quả đạt được theo lĩnh vực hợp tác")
			.contains("2. Kết quả các hội nghị xúc tiến đầu tư")
			.contains("3. Các cam kết và tình hình thực hiện")
			.contains("4. Kế hoạch giai đoạn tới")
			.contains("5. Đơn vị chủ trì sơ kết")
			.contains("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng")
			.contains("350.000.000.000 VND")
			.contains("Kỳ sơ kết năm 2025: Ban Quản lý các Khu chế xuất và công nghiệp")
			.contains("Mở rộng vùng nguyên liệu chè");
		EntityExchangeResult<byte[]> again = pdf(agreementId);
		assertThat(again.getResponseBody()).as("same events, same bytes").isEqualTo(pdf);
		assertThat(again.getResponseHeaders().getFirst("X-Content-SHA256")).hasSize(64);

		String english = text(this.http.get()
			.uri("/api/v1/agreements/{id}/reports/2025.pdf?lang=en", agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody());
		assertThat(english).contains("ANNUAL REVIEW REPORT 2025").contains("4. Plan for the next period");

		String html = this.http.get()
			.uri("/api/v1/agreements/{id}/reports/2025", agreementId)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String pdfHash = org.coophub.reporting.report.AnnualReportsAccess.sha256(pdf);
		assertThat(html).contains("BÁO CÁO SƠ KẾT NĂM 2025").contains(pdfHash).contains("&lt;b&gt;");

		try (TopicProbe reports = TopicProbe.subscribe(Topics.REPORT_EVENTS)) {
			// at the first reminder's moment, 30 days before the review
			ReviewScheduled due = new ReviewScheduled(UUID.randomUUID().toString(),
					Instant.parse("2025-10-06T17:00:00Z"), agreementId, 5, 2025, LocalDate.of(2025, 11, 6),
					"hcm-" + agreementId, ReviewCycleStatus.DUE);
			publish(due);
			publish(due);
			ConsumerRecord<String, String> generated = reports.awaitRecord((r) -> agreementId.equals(r.key()));
			JsonNode event = this.json.readTree(generated.value());
			assertThat(TopicProbe.header(generated, "ce_type")).isEqualTo("org.coophub.report.annual-generated.v1");
			assertThat(event.get("contentHash").asString()).isEqualTo(pdfHash);
			assertThat(event.get("path").asString()).isEqualTo("/api/v1/agreements/" + agreementId + "/reports/2025");
			assertThat(event.get("version").asLong()).isEqualTo(1);
		}
		JsonNode asked = this.json.readTree(this.http.post()
			.uri("/api/v1/agreements/{id}/reports/2025", agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(asked.get("announced").asBoolean()).as("nothing changed since it fell due").isFalse();
		assertThat(asked.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void aYearOutOfRangeIsRejectedAsProblemJsonNamingTheField() {
		this.http.get()
			.uri("/api/v1/agreements/{id}/reports/{year}", "any", 99999)
			.accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON)
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private EntityExchangeResult<byte[]> pdf(String agreementId) {
		return this.http.get()
			.uri("/api/v1/agreements/{id}/reports/2025", agreementId)
			.accept(MediaType.APPLICATION_PDF)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class)
			.returnResult();
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// table cells wrap: read the text as one line
			return new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", " ");
		}
	}

	private String givenAProgramWithAYearOfActivities() {
		String agreementId = UUID.randomUUID().toString();
		String ld = "ld-" + agreementId;
		String hcm = "hcm-" + agreementId;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), ld, 1,
				new OrganizationState(ld, "BQL-LD",
						new LocalizedText("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
								"Lam Dong Industrial Zones Authority"),
						"INDUSTRIAL_ZONE_AUTHORITY", "Lâm Đồng", List.of(), List.of(), true)));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), hcm, 1,
				new OrganizationState(hcm, "HEPZA",
						new LocalizedText("Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM", "HEPZA"),
						"INDUSTRIAL_ZONE_AUTHORITY", "TP. Hồ Chí Minh", List.of(), List.of(), true)));
		Commitment conferences = new Commitment("c-conf",
				new LocalizedText("Tổ chức 2 hội nghị xúc tiến đầu tư mỗi năm", "Two investment conferences a year"),
				Area.INVESTMENT_PROMOTION, hcm, new Target("conferences", 2), null, CommitmentStatus.IN_PROGRESS);
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 1,
				new AgreementState(agreementId, "CTHT-" + agreementId.substring(0, 8),
						new LocalizedText("Chương trình hợp tác <b>Lâm Đồng</b> – TP.HCM", "Cooperation program"),
						List.of(new Party(ld, PartyRole.LEAD), new Party(hcm, PartyRole.PARTNER)),
						LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
						List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(conferences),
						new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(hcm, ld), ld, List.of(30)))));
		publish(new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), "conf-" + agreementId, 1,
				new ActivityState("conf-" + agreementId, agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
						new LocalizedText("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng", "Investment conference"),
						LocalDateTime.of(2025, 5, 20, 8, 0), LocalDateTime.of(2025, 5, 20, 17, 0), "Asia/Ho_Chi_Minh",
						new Location("TP. Hồ Chí Minh", "Trung tâm Hội nghị"), hcm, List.of(ld), List.of("c-conf"),
						ActivityStatus.COMPLETED,
						new Outcomes(120, 45, 10, 3, 2, new Money(new BigDecimal("350000000000"), "VND")))));
		publish(new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), "review-" + agreementId, 1,
				new ActivityState("review-" + agreementId, agreementId, ActivityType.ANNUAL_REVIEW,
						new LocalizedText("Hội nghị sơ kết năm 2025", "Annual review 2025"),
						LocalDateTime.of(2025, 11, 6, 8, 0), LocalDateTime.of(2025, 11, 6, 11, 0), "Asia/Ho_Chi_Minh",
						null, ld, List.of(hcm), List.of(), ActivityStatus.COMPLETED, new Outcomes(null, null, null,
								null, null, null, null, null, 40, null, List.of("Mở rộng vùng nguyên liệu chè")))));
		publish(new ReviewScheduled(UUID.randomUUID().toString(), Instant.now(), agreementId, 4, 2025,
				LocalDate.of(2025, 11, 6), hcm, ReviewCycleStatus.UPCOMING));
		await().until(() -> {
			var result = this.http.get()
				.uri("/api/v1/dashboard/agreements/{id}", agreementId)
				.exchange()
				.expectBody()
				.returnResult();
			if (!result.getStatus().is2xxSuccessful()) {
				return false;
			}
			JsonNode d = this.json.readTree(result.getResponseBody());
			return d.hasNonNull("agreement") && d.get("activityCount").asInt() == 2 && d.hasNonNull("nextReview")
					&& d.at("/nextReview/hostName/vi").isString() && d.at("/parties/0/name/vi").isString();
		});
		return agreementId;
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
