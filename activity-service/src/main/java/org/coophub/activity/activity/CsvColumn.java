package org.coophub.activity.activity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.coophub.platform.text.SearchText;

/**
 * The columns of the activity CSV format, with their English and Vietnamese headers.
 * Export writes the English ones; import accepts either, in any order, ignoring case and
 * diacritics.
 */
enum CsvColumn {

	AGREEMENT_ID("agreementId", "Mã chương trình"), TYPE("type", "Loại hoạt động"),
	TITLE_VI("titleVi", "Tiêu đề tiếng Việt"), TITLE_EN("titleEn", "Tiêu đề tiếng Anh"),
	DESCRIPTION("description", "Mô tả"), STARTS_AT("startsAt", "Bắt đầu"), ENDS_AT("endsAt", "Kết thúc"),
	TIME_ZONE("timeZone", "Múi giờ"), PROVINCE("province", "Tỉnh thành"), VENUE("venue", "Địa điểm"),
	HOST("hostOrganizationId", "Đơn vị chủ trì"), PARTICIPANTS("participantOrganizationIds", "Đơn vị tham gia"),
	DEPARTMENTS("participatingDepartments", "Phòng ban tham gia"), COMMITMENTS("commitmentIds", "Cam kết"),
	STATUS("status", "Trạng thái"), INVESTORS("investorsAttending", "Nhà đầu tư tham dự"),
	ENTERPRISES("enterprisesAttending", "Doanh nghiệp tham dự"), LEADS("investmentLeads", "Cơ hội đầu tư"),
	MOUS("mousSigned", "MoU đã ký"), PROJECTS("projectsRegistered", "Dự án đăng ký"),
	CAPITAL_AMOUNT("capitalAmount", "Vốn đăng ký"), CAPITAL_CURRENCY("capitalCurrency", "Đơn vị tiền tệ"),
	DOCUMENTS("documents", "Tài liệu"), TOPIC("topic", "Chủ đề"),
	PARTICIPANT_COUNT("participants", "Số người tham gia"), MINUTES_LINK("minutesLink", "Biên bản"),
	PLAN_ITEMS("planItems", "Kế hoạch kỳ tới"), NOTIFY_PARTNERS("notifyPartners", "Thông báo đối tác");

	/**
	 * Lists of ids or names inside one cell (participants, departments, commitments) are
	 * separated by this.
	 */
	static final String LIST_SEPARATOR = ";";

	/**
	 * Documents and plan items, which may contain ';' and ',', take one line each of
	 * their cell (a line break inside a quoted CSV cell, as spreadsheets write it).
	 */
	static final String LINE_SEPARATOR = "\n";

	/**
	 * The parts of one document line: {@code title | KIND | link}. Read from the right,
	 * so a title may itself contain '|'; a link may not.
	 */
	static final String PART_SEPARATOR = " | ";

	/**
	 * What a yes/no cell may say, ignoring case and diacritics: export writes
	 * {@code true}/{@code false}; people also type {@code có}/{@code không} or
	 * {@code yes}/{@code no}. An empty cell means yes.
	 */
	static final String YES_NO = "true or false (có/không, yes/no)";

	private final String english;

	private final String vietnamese;

	CsvColumn(String english, String vietnamese) {
		this.english = english;
		this.vietnamese = vietnamese;
	}

	String header() {
		return this.english;
	}

	static Optional<CsvColumn> byHeader(String header) {
		String folded = SearchText.fold(header);
		return Arrays.stream(values())
			.filter((column) -> column.english.toLowerCase(Locale.ROOT).equals(folded)
					|| SearchText.fold(column.vietnamese).equals(folded))
			.findFirst();
	}

	/**
	 * Reads a yes/no cell.
	 * @param cell the cell's text, not empty
	 * @return its value
	 * @throws IllegalArgumentException if it is neither
	 */
	static boolean yesNo(String cell) {
		return switch (SearchText.fold(cell)) {
			case "true", "co", "yes" -> true;
			case "false", "khong", "no" -> false;
			default -> throw new IllegalArgumentException("not yes or no: " + cell);
		};
	}

	static String[] headers() {
		return Arrays.stream(values()).map(CsvColumn::header).toArray(String[]::new);
	}

}
