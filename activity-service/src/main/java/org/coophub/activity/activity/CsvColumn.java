package org.coophub.activity.activity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.coophub.platform.text.SearchText;

/**
 * The columns of the activity import format. Each has its name (what export writes, e.g.
 * {@code agreementId}), a label in Vietnamese and in English (what the template writes,
 * e.g. "Mã thỏa thuận" / "Agreement code") and other headers people use; import accepts
 * any of them, in any order, ignoring case, diacritics and punctuation.
 */
enum CsvColumn {

	AGREEMENT_ID("agreementId", "Mã thỏa thuận", "Agreement code", "Mã chương trình", "Thỏa thuận", "Agreement"),
	TYPE("type", "Loại hoạt động", "Type", "Activity type", "Loại"),
	TITLE_VI("titleVi", "Tiêu đề (VI)", "Title (VI)", "Tiêu đề tiếng Việt", "Tiêu đề", "Title (Vietnamese)"),
	TITLE_EN("titleEn", "Tiêu đề (EN)", "Title (EN)", "Tiêu đề tiếng Anh", "Title (English)"),
	DESCRIPTION("description", "Mô tả", "Description"), STARTS_AT("startsAt", "Bắt đầu", "Starts", "Start"),
	ENDS_AT("endsAt", "Kết thúc", "Ends", "End"), TIME_ZONE("timeZone", "Múi giờ", "Time zone"),
	PROVINCE("province", "Tỉnh thành", "Province", "Tỉnh/thành phố"), VENUE("venue", "Địa điểm", "Venue"),
	HOST("hostOrganizationId", "Đơn vị chủ trì", "Host", "Host organization"),
	PARTICIPANTS("participantOrganizationIds", "Đơn vị tham gia", "Participating organizations"),
	DEPARTMENTS("participatingDepartments", "Phòng ban tham gia", "Departments", "Participating departments"),
	COMMITMENTS("commitmentIds", "Cam kết", "Commitments"), STATUS("status", "Trạng thái", "Status"),
	INVESTORS("investorsAttending", "Nhà đầu tư tham dự", "Investors attending"),
	ENTERPRISES("enterprisesAttending", "Doanh nghiệp tham dự", "Enterprises attending"),
	LEADS("investmentLeads", "Cơ hội đầu tư", "Investment leads"), MOUS("mousSigned", "MoU đã ký", "MoUs signed"),
	PROJECTS("projectsRegistered", "Dự án đăng ký", "Projects registered"),
	CAPITAL_AMOUNT("capitalAmount", "Vốn đăng ký", "Registered capital"),
	CAPITAL_CURRENCY("capitalCurrency", "Đơn vị tiền tệ", "Currency"), DOCUMENTS("documents", "Tài liệu", "Documents"),
	TOPIC("topic", "Chủ đề", "Topic"),
	// "participants" is this column's name (export), so the organizations' English
	// label is "Participating organizations"
	PARTICIPANT_COUNT("participants", "Số người tham gia", "Number of participants"),
	MINUTES_LINK("minutesLink", "Biên bản", "Minutes"),
	PLAN_ITEMS("planItems", "Kế hoạch kỳ tới", "Next period's plan"),
	NOTIFY_PARTNERS("notifyPartners", "Thông báo đối tác", "Notify partners");

	/** The columns a file must have. */
	static final List<CsvColumn> REQUIRED = List.of(AGREEMENT_ID, TYPE, TITLE_VI, STARTS_AT, ENDS_AT, HOST);

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

	private final String name;

	private final String vietnamese;

	private final String english;

	private final List<String> keys;

	CsvColumn(String name, String vietnamese, String english, String... others) {
		this.name = name;
		this.vietnamese = vietnamese;
		this.english = english;
		List<String> headers = new ArrayList<>(List.of(name, vietnamese, english));
		headers.addAll(List.of(others));
		this.keys = headers.stream().map(CsvColumn::key).toList();
	}

	/** The column's name, the header export writes. */
	String header() {
		return this.name;
	}

	/**
	 * @param language the language of the file
	 * @return the header the template writes in that language
	 */
	String label(ImportLanguage language) {
		return language.pick(this.vietnamese, this.english);
	}

	static Optional<CsvColumn> byHeader(String header) {
		String key = key(header);
		return Arrays.stream(values()).filter((column) -> column.keys.contains(key)).findFirst();
	}

	/**
	 * A header reduced to its words: "Tiêu đề (VI)", "tieu de vi" and "TIÊU ĐỀ – VI *"
	 * read alike.
	 */
	private static String key(String header) {
		return String.join(" ", SearchText.words(header));
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
