package org.coophub.activity.activity;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import org.coophub.platform.problem.LocalizedMessage;

import org.springframework.context.MessageSource;

/**
 * What an import tells its user, in Vietnamese or English. The activity rules' messages
 * are the API's: Vietnamese under their keys in the service's {@code messages_vi}, as the
 * problem details answer them; Bean Validation's are already in the request's language,
 * except the standard constraints, whose wording for a spreadsheet's cells is here.
 */
final class ImportMessages {

	/**
	 * The platform's refusal of an EDITOR (OrganizationScope), whose key is in the
	 * platform's bundle, not in this service's: its English message and, for a row of a
	 * file, its Vietnamese in the import's words.
	 */
	private static final Pattern NOT_YOUR_ORGANIZATION = Pattern
		.compile("Your organization \\((.*)\\) does not take part in .*", Pattern.DOTALL);

	private static final String NOT_YOUR_ORGANIZATION_VI = "Đơn vị của bạn ($1) không tham gia hoạt động này hoặc "
			+ "chưa chấp thuận thỏa thuận: người biên tập (EDITOR) chỉ ghi nhận hoạt động của đơn vị mình";

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ImportLanguage language;

	private final MessageSource rules;

	/**
	 * Messages of a file that is not read (no rule is checked).
	 * @param language the language
	 */
	ImportMessages(ImportLanguage language) {
		this(language, null);
	}

	/**
	 * @param language the language
	 * @param rules the service's message source, where the rules' messages are
	 */
	ImportMessages(ImportLanguage language, MessageSource rules) {
		this.language = language;
		this.rules = rules;
	}

	ImportLanguage language() {
		return this.language;
	}

	private String say(String vietnamese, String english) {
		return this.language.pick(vietnamese, english);
	}

	String unreadableTitle() {
		return say("Không đọc được tệp", "Unreadable file");
	}

	String invalidTitle() {
		return say("Tệp có dòng không hợp lệ", "Invalid rows");
	}

	String noFile() {
		return say("Chưa chọn tệp: gửi tệp CSV hoặc XLSX trong phần 'file' của biểu mẫu",
				"No file: send the CSV or XLSX file as the form's part 'file'");
	}

	String notUtf8() {
		return say("Tệp không phải văn bản UTF-8; hãy lưu thành \"CSV UTF-8\" hoặc sổ Excel (.xlsx)",
				"The file is not UTF-8 text; save it as CSV UTF-8 or as an Excel workbook (.xlsx)");
	}

	String notCsv(String detail) {
		return say("Tệp không phải CSV hợp lệ: ", "The file is not valid CSV: ") + detail;
	}

	String notXlsx(String detail) {
		return say("Tệp không phải sổ Excel (.xlsx) đọc được: ", "The file is not a readable Excel workbook (.xlsx): ")
				+ detail;
	}

	String oldExcel() {
		return say("Không đọc tệp Excel 97–2003 (.xls); hãy lưu thành .xlsx hoặc CSV UTF-8",
				"Excel 97–2003 files (.xls) are not read; save it as .xlsx or CSV UTF-8");
	}

	String empty() {
		return say("Tệp trống: cần một dòng tiêu đề", "The file is empty: it needs a header row");
	}

	String unknownColumns(String unknown, String known) {
		return say("Không nhận ra cột: " + unknown + "; các cột là: ", "Unknown columns: " + unknown + "; known: ")
				+ known;
	}

	String missingColumn(String column) {
		return say("Thiếu cột ", "Missing column ") + column;
	}

	String tooManyRows(int maxRows) {
		return say(
				"Tệp có hơn " + maxRows + " dòng, số dòng tối đa của một lần nhập; hãy chia nhỏ tệp. Không có "
						+ "dòng nào được nhập",
				"The file has more than " + maxRows + " rows, the most imported at once; "
						+ "split it. Nothing was imported");
	}

	String invalid(int errors, int listed) {
		boolean cut = errors > listed;
		return say(
				"Tệp có " + errors + " lỗi; không có dòng nào được nhập"
						+ (cut ? "; liệt kê " + listed + " lỗi đầu tiên" : ""),
				errors + " problems in the file; nothing was imported"
						+ (cut ? "; the first " + listed + " are listed" : ""));
	}

	String columnCount(int has, int header) {
		return say("có " + has + " cột, dòng tiêu đề có " + header,
				"has " + has + " columns, the header has " + header);
	}

	String cannotRead(String value, String expected) {
		return say("không đọc được '" + value + "'", "cannot read '" + value + "'")
				+ ((expected != null) ? say("; cần ", "; expected ") + expected : "");
	}

	String expectedDate() {
		return say("ngày dd/MM/yyyy, có thể kèm giờ HH:mm (22/04/2010 08:00), hoặc ISO (2010-04-22T08:00)",
				"a date dd/MM/yyyy, optionally with HH:mm (22/04/2010 08:00), or ISO (2010-04-22T08:00)");
	}

	String expectedType() {
		return say("một loại hoạt động: ", "an activity type: ") + ActivityLabels.typeLabels(this.language);
	}

	String expectedStatus() {
		return say("một trạng thái: ", "a status: ") + ActivityLabels.statusLabels(this.language);
	}

	String expectedCount() {
		return say("một số nguyên, ví dụ 120 hoặc 1.200", "a whole number such as 120 or 1,200");
	}

	String expectedAmount() {
		return say("một số tiền, ví dụ 120.000.000.000", "an amount such as 120,000,000,000 or 120.000.000.000");
	}

	String expectedYesNo() {
		return say("có hoặc không (có/không, yes/no, true/false)", CsvColumn.YES_NO);
	}

	String expectedDocuments(String kinds) {
		return say("mỗi tài liệu một dòng, dạng 'tiêu đề | LOẠI | đường dẫn', LOẠI là một trong " + kinds,
				"one document per line, as 'title | KIND | link' with KIND one of " + kinds);
	}

	String unknownAgreement(String value) {
		return say(
				"không có thỏa thuận nào mã '" + value + "' (kiểm tra lại mã; thỏa thuận vừa tạo cần ít phút để "
						+ "được cập nhật)",
				"no agreement has the code or id '" + value + "' (check the code; a new agreement "
						+ "takes a moment to arrive)");
	}

	/**
	 * A rule's or a refusal's message in this language: the English message, or the
	 * Vietnamese under its key (the English when there is none).
	 * @param refusal what the rules threw
	 * @return the message
	 */
	String rule(RuntimeException refusal) {
		String english = refusal.getMessage();
		if (this.language == ImportLanguage.en || english == null) {
			return english;
		}
		if (refusal instanceof LocalizedMessage localized && localized.messageKey() != null && this.rules != null) {
			Object[] arguments = localized.messageArguments();
			String vietnamese = this.rules.getMessage(localized.messageKey(), (arguments.length > 0) ? arguments : null,
					null, VIETNAMESE);
			if (vietnamese != null) {
				return vietnamese;
			}
		}
		Matcher notYours = NOT_YOUR_ORGANIZATION.matcher(english);
		return notYours.matches() ? notYours.replaceAll(NOT_YOUR_ORGANIZATION_VI) : english;
	}

	/**
	 * A Bean Validation message in this language.
	 * @param violation the violation
	 * @return its message
	 */
	String violation(ConstraintViolation<?> violation) {
		if (this.language == ImportLanguage.en) {
			return violation.getMessage();
		}
		Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
		return switch (violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
			case "NotBlank", "NotNull", "NotEmpty" -> "bắt buộc, không được để trống";
			case "Size" -> (violation.getInvalidValue() instanceof Collection<?>)
					? "tối đa " + attributes.get("max") + " mục" : "dài tối đa " + attributes.get("max") + " ký tự";
			case "PositiveOrZero", "DecimalMin" -> "không được âm";
			case "Max" -> "không được lớn hơn " + attributes.get("value");
			case "Digits" -> "tối đa " + attributes.get("integer") + " chữ số phần nguyên và "
					+ attributes.get("fraction") + " chữ số thập phân";
			case "PlainText" -> "chỉ được là văn bản thường: không có ký tự điều khiển hay ký tự đảo chiều";
			// the service's own constraints (AssertTrue, Pattern…) are in this language
			// already (ValidationMessages_vi)
			default -> violation.getMessage();
		};
	}

}
