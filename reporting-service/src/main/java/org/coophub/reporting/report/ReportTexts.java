package org.coophub.reporting.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.TargetMeasure;
import org.coophub.events.common.LocalizedText;

/**
 * The report's words in Vietnamese and English, and how it writes numbers and dates in
 * each; used by the template as {@code t}.
 */
public final class ReportTexts {

	private static final Map<String, Map<String, String>> TEXTS = Map.of("vi", Map.ofEntries(
			Map.entry("heading", "BÁO CÁO SƠ KẾT NĂM"), Map.entry("program", "Chương trình hợp tác"),
			Map.entry("parties", "Các bên tham gia"), Map.entry("results", "1. Kết quả đạt được theo lĩnh vực hợp tác"),
			Map.entry("conferences", "2. Kết quả các hội nghị xúc tiến đầu tư"),
			Map.entry("commitments", "3. Các cam kết và tình hình thực hiện"),
			Map.entry("plan", "4. Kế hoạch giai đoạn tới"), Map.entry("nextReview", "5. Đơn vị chủ trì sơ kết"),
			Map.entry("hash", "Mã kiểm tra nội dung (SHA-256)"), Map.entry("pdfHash", "SHA-256 của bản PDF"),
			Map.entry("none", "Không có."), Map.entry("date", "Ngày"), Map.entry("activity", "Hoạt động"),
			Map.entry("outcome", "Kết quả"), Map.entry("conferenceCount", "Số hội nghị"),
			Map.entry("investors", "Nhà đầu tư tham dự"), Map.entry("enterprises", "Doanh nghiệp tham dự"),
			Map.entry("leads", "Dự án quan tâm"), Map.entry("mous", "Biên bản ghi nhớ (MoU) ký kết"),
			Map.entry("projects", "Dự án đăng ký"), Map.entry("capital", "Vốn đăng ký"),
			Map.entry("commitment", "Cam kết"), Map.entry("responsible", "Đơn vị thực hiện"),
			Map.entry("target", "Chỉ tiêu/năm"), Map.entry("planned", "Kế hoạch"), Map.entry("held", "Đã thực hiện"),
			Map.entry("status", "Trạng thái"), Map.entry("openCommitments", "Cam kết tiếp tục thực hiện"),
			Map.entry("plannedNext", "Hoạt động dự kiến năm sau"),
			Map.entry("planItems", "Nội dung thống nhất tại hội nghị sơ kết"), Map.entry("host", "Đơn vị chủ trì"),
			Map.entry("reviewYear", "Kỳ sơ kết năm"), Map.entry("dueOn", "Ngày dự kiến"),
			Map.entry("participants", "Người tham dự"), Map.entry("topic", "Chủ đề"),
			Map.entry("documents", "Tài liệu chia sẻ"), Map.entry("LEAD", "Chủ trì"), Map.entry("PARTNER", "Đối tác"),
			Map.entry("OPEN", "Chưa thực hiện"), Map.entry("IN_PROGRESS", "Đang thực hiện"),
			Map.entry("DONE", "Hoàn thành"), Map.entry("DROPPED", "Không thực hiện"),
			Map.entry("INVESTMENT_PROMOTION", "Xúc tiến đầu tư"), Map.entry("TRADE_PROMOTION", "Xúc tiến thương mại"),
			Map.entry("ADMINISTRATIVE_REFORM", "Cải cách hành chính"),
			Map.entry("QUALITY_MANAGEMENT", "Quản lý chất lượng"),
			Map.entry("INFORMATION_AND_WEBSITE", "Thông tin và trang điện tử"),
			Map.entry("LEGAL_AND_POLICY", "Pháp luật và chính sách"), Map.entry("INSPECTION", "Thanh tra, kiểm tra"),
			Map.entry("PLANNING_AND_CONSTRUCTION", "Quy hoạch và xây dựng"), Map.entry("ENVIRONMENT", "Môi trường"),
			Map.entry("LABOUR_AND_TRAINING", "Lao động và đào tạo"),
			Map.entry("RAW_MATERIAL_SOURCING", "Vùng nguyên liệu"),
			Map.entry("INFRASTRUCTURE_INVESTMENT", "Đầu tư hạ tầng"), Map.entry("OTHER", "Khác"),
			Map.entry("achieved", "Đạt được"),
			Map.entry("plannedInPeriod", "Hoạt động đã lên kế hoạch trong kỳ, chưa thực hiện"),
			Map.entry("noReview", "Chưa có kỳ sơ kết nào của năm này được ghi nhận."),
			Map.entry("heldOn", "Ngày tổ chức"), Map.entry("nextHost", "Đơn vị chủ trì kỳ sơ kết tiếp theo"),
			Map.entry("UPCOMING", "Sắp tới"), Map.entry("DUE", "Đến hạn"), Map.entry("OVERDUE", "Quá hạn"),
			Map.entry("HELD", "Đã tổ chức"), Map.entry("CANCELLED", "Đã hủy"), Map.entry("MISSED", "Không tổ chức"),
			Map.entry("SKIPPED", "Bỏ qua theo thống nhất"), Map.entry("period", "Kỳ báo cáo: từ %s đến %s (%s)"),
			Map.entry("REVIEW_TO_REVIEW", "từ sau kỳ sơ kết năm trước đến kỳ sơ kết năm nay"),
			Map.entry("REVIEW_TO_YEAR_END", "từ sau kỳ sơ kết năm trước đến hết năm; kỳ sơ kết năm nay chưa tổ chức"),
			Map.entry("YEAR_START_TO_REVIEW", "từ đầu năm, vì năm trước không có kỳ sơ kết, đến kỳ sơ kết năm nay"),
			Map.entry("CALENDAR_YEAR", "năm dương lịch, vì không có kỳ sơ kết nào được tổ chức"),
			Map.entry("basis",
					"Căn cứ lập báo cáo: thỏa thuận phiên bản %s (hiệu lực từ %s), %s hoạt động trong kỳ, dữ liệu ghi nhận lần cuối lúc %s")),
			"en",
			Map.ofEntries(Map.entry("heading", "ANNUAL REVIEW REPORT"), Map.entry("program", "Cooperation program"),
					Map.entry("parties", "Parties"), Map.entry("results", "1. Results by area of cooperation"),
					Map.entry("conferences", "2. Investment promotion conference outcomes"),
					Map.entry("commitments", "3. Commitments and their status"),
					Map.entry("plan", "4. Plan for the next period"), Map.entry("nextReview", "5. Host of the review"),
					Map.entry("hash", "Content hash (SHA-256)"), Map.entry("pdfHash", "SHA-256 of the PDF"),
					Map.entry("none", "None."), Map.entry("date", "Date"), Map.entry("activity", "Activity"),
					Map.entry("outcome", "Outcome"), Map.entry("conferenceCount", "Conferences"),
					Map.entry("investors", "Investors attending"), Map.entry("enterprises", "Enterprises attending"),
					Map.entry("leads", "Investment leads"), Map.entry("mous", "MoUs signed"),
					Map.entry("projects", "Projects registered"), Map.entry("capital", "Registered capital"),
					Map.entry("commitment", "Commitment"), Map.entry("responsible", "Responsible"),
					Map.entry("target", "Target/year"), Map.entry("planned", "Planned"), Map.entry("held", "Held"),
					Map.entry("status", "Status"), Map.entry("openCommitments", "Commitments carried forward"),
					Map.entry("plannedNext", "Activities planned for next year"),
					Map.entry("planItems", "Agreed at the review meeting"), Map.entry("host", "Host"),
					Map.entry("reviewYear", "Review of"), Map.entry("dueOn", "Planned date"),
					Map.entry("participants", "Participants"), Map.entry("topic", "Topic"),
					Map.entry("documents", "Documents shared"), Map.entry("LEAD", "Lead"),
					Map.entry("PARTNER", "Partner"), Map.entry("OPEN", "Open"), Map.entry("IN_PROGRESS", "In progress"),
					Map.entry("DONE", "Done"), Map.entry("DROPPED", "Dropped"),
					Map.entry("INVESTMENT_PROMOTION", "Investment promotion"),
					Map.entry("TRADE_PROMOTION", "Trade promotion"),
					Map.entry("ADMINISTRATIVE_REFORM", "Administrative reform"),
					Map.entry("QUALITY_MANAGEMENT", "Quality management"),
					Map.entry("INFORMATION_AND_WEBSITE", "Information and website"),
					Map.entry("LEGAL_AND_POLICY", "Legal and policy"), Map.entry("INSPECTION", "Inspection"),
					Map.entry("PLANNING_AND_CONSTRUCTION", "Planning and construction"),
					Map.entry("ENVIRONMENT", "Environment"), Map.entry("LABOUR_AND_TRAINING", "Labour and training"),
					Map.entry("RAW_MATERIAL_SOURCING", "Raw material sourcing"),
					Map.entry("INFRASTRUCTURE_INVESTMENT", "Infrastructure investment"), Map.entry("OTHER", "Other"),
					Map.entry("achieved", "Achieved"),
					Map.entry("plannedInPeriod", "Planned in the period, not yet held"),
					Map.entry("noReview", "No review of this year has been recorded."), Map.entry("heldOn", "Held on"),
					Map.entry("nextHost", "Host of the next review"), Map.entry("UPCOMING", "upcoming"),
					Map.entry("DUE", "due"), Map.entry("OVERDUE", "overdue"), Map.entry("HELD", "held"),
					Map.entry("CANCELLED", "cancelled"), Map.entry("MISSED", "missed"),
					Map.entry("SKIPPED", "skipped by agreement"), Map.entry("period", "Period: %s to %s (%s)"),
					Map.entry("REVIEW_TO_REVIEW", "from the day after last year's review to this year's review"),
					Map.entry("REVIEW_TO_YEAR_END",
							"from the day after last year's review to the end of the year; this year's review has not been held"),
					Map.entry("YEAR_START_TO_REVIEW",
							"from the start of the year, as last year had no review, to this year's review"),
					Map.entry("CALENDAR_YEAR", "the calendar year, as no review was held"), Map.entry("basis",
							"Computed from: agreement version %s (effective %s), %s activities of the period, data last recorded at %s")));

	/** The report's words for the outcomes a target can sum. */
	private static final Map<String, String> OUTCOME_KEYS = Map.of("investorsAttending", "investors",
			"enterprisesAttending", "enterprises", "investmentLeads", "leads", "mousSigned", "mous",
			"projectsRegistered", "projects", "registeredCapital", "capital", "documents", "documents", "participants",
			"participants");

	private final String language;

	private final Map<String, String> texts;

	private ReportTexts(String language) {
		this.language = language;
		this.texts = TEXTS.get(language);
	}

	static ReportTexts in(String language) {
		return new ReportTexts("en".equals(language) ? "en" : "vi");
	}

	public String language() {
		return this.language;
	}

	public String get(Object key) {
		if (key == null) {
			return "";
		}
		return this.texts.getOrDefault(key.toString(), key.toString());
	}

	public String text(LocalizedText text) {
		return (text != null) ? text.in(this.language) : "";
	}

	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		return date.format(DateTimeFormatter.ofPattern("vi".equals(this.language) ? "dd/MM/yyyy" : "d MMM yyyy",
				Locale.forLanguageTag(this.language)));
	}

	/**
	 * The period a report covers, and by which rule.
	 * @param period the period
	 * @return one sentence
	 */
	public String period(ReviewPeriod period) {
		return String.format(get("period"), date(period.start()), date(period.end()), get(period.rule()));
	}

	/**
	 * What a report was computed from, in one sentence.
	 * @param basis the basis
	 * @return the sentence
	 */
	public String basis(AnnualReportContent.Basis basis) {
		String last = (basis.lastEventAt() != null)
				? DateTimeFormatter.ISO_INSTANT.format(basis.lastEventAt().truncatedTo(ChronoUnit.SECONDS)) : "—";
		return String.format(get("basis"), basis.agreementVersion(), date(basis.agreementEffectiveOn()),
				number(basis.activities()), last);
	}

	/**
	 * What a commitment's figures are in: nothing for a count of activities, the outcome
	 * for a sum (and the currency for capital).
	 * @param line the commitment
	 * @return a suffix for its numbers
	 */
	public String unit(AnnualReportContent.CommitmentLine line) {
		if (line.measure() != TargetMeasure.OUTCOME_SUM || line.outcome() == null) {
			return "";
		}
		if ("registeredCapital".equals(line.outcome())) {
			return " " + ((line.currency() != null) ? line.currency() : "");
		}
		return " (" + get(OUTCOME_KEYS.getOrDefault(line.outcome(), line.outcome())) + ")";
	}

	public String number(Number value) {
		if (value == null) {
			return "0";
		}
		return NumberFormat.getNumberInstance(Locale.forLanguageTag("vi".equals(this.language) ? "vi-VN" : "en-GB"))
			.format((value instanceof BigDecimal decimal) ? decimal : value);
	}

	public String capital(Map<String, BigDecimal> capital) {
		if (capital == null || capital.isEmpty()) {
			return "0";
		}
		List<String> parts = new ArrayList<>();
		capital.forEach((currency, amount) -> parts.add(number(amount) + " " + currency));
		return String.join("; ", parts);
	}

	/**
	 * What an activity achieved, in one line.
	 * @param o the outcomes
	 * @return the summary
	 */
	public String outcomes(Outcomes o) {
		if (o == null) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		add(parts, "investors", o.investorsAttending());
		add(parts, "enterprises", o.enterprisesAttending());
		add(parts, "leads", o.investmentLeads());
		add(parts, "mous", o.mousSigned());
		add(parts, "projects", o.projectsRegistered());
		if (o.registeredCapital() != null) {
			parts.add(get("capital") + ": " + number(o.registeredCapital().amount()) + " "
					+ o.registeredCapital().currency());
		}
		if (o.topic() != null) {
			parts.add(get("topic") + ": " + o.topic());
		}
		add(parts, "participants", o.participants());
		if (o.documents() != null && !o.documents().isEmpty()) {
			parts.add(get("documents") + ": " + o.documents().size());
		}
		return String.join("; ", parts);
	}

	private void add(List<String> parts, String key, Integer value) {
		if (value != null) {
			parts.add(get(key) + ": " + number(value));
		}
	}

}
