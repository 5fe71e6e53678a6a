package org.coophub.events;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementAmended;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentAdded;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.CommitmentUpdated;
import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.OrganizationUpdated;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.agreement.PartyDeclined;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.agreement.Target;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.common.Money;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewHeld;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.events.report.AnnualReportGenerated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire form of each event is fixed by a golden file: a change that alters it breaks
 * consumers and must be a new major type instead.
 */
class GoldenJsonTest {

	static final Instant AT = Instant.parse("2012-11-06T01:30:00Z");

	static final LocalizedText TITLE = new LocalizedText(
			"Chương trình hợp tác giữa Ban Quản lý các khu công nghiệp Lâm Đồng và Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM",
			"Cooperation program of the Lam Dong and HCMC industrial-zone authorities");

	private final JsonMapper json = JsonMapper.builder().build();

	static Stream<DomainEvent> samples() {
		OrganizationState board = new OrganizationState("org-ld", "BQL-LD",
				new LocalizedText("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
						"Lam Dong Province Industrial Zones Authority"),
				"INDUSTRIAL_ZONE_AUTHORITY", "Lâm Đồng", List.of("Phòng Quản lý Đầu tư"),
				List.of(new Contact("Phòng Xúc tiến Đầu tư", "xuctiendautu@bqlkcn-lamdong.example", null,
						"Phòng Quản lý Đầu tư", "Investment promotion desk", "vi", true)),
				true);
		AgreementState agreement = new AgreementState("agr-1", "CTHT-LD-HCM", TITLE,
				List.of(new Party("org-ld", PartyRole.LEAD), new Party("org-hcm", PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), LocalDate.of(2029, 12, 31), "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION, Area.RAW_MATERIAL_SOURCING), AgreementStatus.ACTIVE,
				List.of(new Commitment("c-1", new LocalizedText("Luân phiên tổ chức sơ kết hàng năm", null), Area.OTHER,
						"org-ld", new Target("ANNUAL_REVIEWS", 1), null, CommitmentStatus.OPEN)),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of("org-hcm", "org-ld"), "org-hcm",
						List.of(30, 7, 1)));
		ActivityState conference = new ActivityState("act-1", "agr-1", ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng", "Investment promotion conference"),
				LocalDateTime.of(2012, 5, 18, 8, 0), LocalDateTime.of(2012, 5, 18, 17, 0), "Asia/Ho_Chi_Minh",
				new Location("TP. Hồ Chí Minh", "Trung tâm Hội nghị"), "org-hcm", List.of("org-ld"), List.of("c-1"),
				ActivityStatus.COMPLETED,
				new Outcomes(120, 45, 12, 3, 2, new Money(new BigDecimal("350000000000"), "VND")),
				"Hai Ban phối hợp giới thiệu môi trường đầu tư", List.of("Phòng Quản lý Đầu tư"));
		return Stream.of(new OrganizationRegistered("e-1", AT, "org-ld", 1, board),
				new AgreementCreated("e-2", AT, "agr-1", 1, agreement),
				new ActivityRecorded("e-3", AT, "act-1", 1, conference),
				new ReviewScheduled(
						"e-4", AT, "agr-1", 1, 2013, LocalDate.of(2013, 11, 6), "org-ld", ReviewCycleStatus.UPCOMING),
				new OrganizationUpdated("e-5", AT, "org-ld", 2, board),
				new AgreementAmended("e-6", AT, "agr-1", 3, agreement, List.of("endsOn", "areas"),
						"Gia hạn theo biên bản sơ kết 06/11/2012", "vanphong@bqlkcn-lamdong.example"),
				new CommitmentAdded("e-7", AT, "agr-1", 4, "c-1", agreement),
				new CommitmentUpdated("e-8", AT, "agr-1", 5, "c-1", agreement),
				new ReviewHeld("e-9", AT, "agr-1", 2, 2012, LocalDate.of(2012, 11, 6), LocalDate.of(2012, 11, 6),
						"org-hcm", "act-9", "org-ld"),
				new AnnualReportGenerated("e-10", AT, "agr-1", 1, 2012, "/api/v1/agreements/agr-1/reports/2012",
						"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
				new PartyAccepted("e-11", AT, "agr-1", 2, consented(agreement, PartyConsent.ACCEPTED), "org-hcm",
						"Đồng ý theo công văn số 123/BQL", "hcm-editor@HEPZA"),
				new PartyDeclined("e-12", AT, "agr-1", 2, consented(agreement, PartyConsent.DECLINED), "org-hcm",
						"Chưa thống nhất nội dung", "hcm-editor@HEPZA"));
	}

	private static AgreementState consented(AgreementState agreement, PartyConsent partner) {
		return new AgreementState(agreement.id(), agreement.code(), agreement.title(),
				List.of(new Party("org-ld", PartyRole.LEAD, PartyConsent.ACCEPTED),
						new Party("org-hcm", PartyRole.PARTNER, partner)),
				agreement.signedOn(), agreement.startsOn(), agreement.endsOn(), agreement.timeZone(), agreement.areas(),
				AgreementStatus.DRAFT, agreement.commitments(), agreement.reviewPolicy());
	}

	@ParameterizedTest
	@MethodSource("samples")
	void wireFormMatchesTheGoldenFileAndReadsBack(DomainEvent event) throws IOException {
		String type = EventTypes.typeOf(event.getClass());
		String written = this.json.writeValueAsString(event);
		if (Boolean.getBoolean("golden.update")) {
			writeGolden(type, event);
		}

		assertThat(this.json.readTree(written)).isEqualTo(golden(type));
		assertThat(this.json.readValue(written, event.getClass())).isEqualTo(event);
		assertThat(written).contains("\"occurredAt\":\"2012-11-06T01:30:00Z\"");
	}

	/**
	 * Rewrites a golden file; run with {@code -Dgolden.update=true} only after adding an
	 * optional field or a new type, never for a breaking change.
	 */
	private void writeGolden(String type, DomainEvent event) throws IOException {
		Path file = Path.of("src/test/resources/golden", type + ".json");
		Files.writeString(file, this.json.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n");
	}

	private JsonNode golden(String type) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/golden/" + type + ".json")) {
			assertThat(in).as("golden file for %s", type).isNotNull();
			return this.json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
