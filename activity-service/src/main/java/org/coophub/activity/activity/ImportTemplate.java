package org.coophub.activity.activity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The file a staff member fills in to import activities: every column's header in
 * Vietnamese or English and one example row, the 2010 investment promotion conference the
 * Lâm Đồng board held in Ho Chi Minh City, written as people type it (codes,
 * {@code 22/04/2010 08:00}, {@code 120.000.000.000}). As CSV it is UTF-8 with a BOM, so
 * Excel opens it as UTF-8, separated by semicolons in Vietnamese (what Excel expects
 * where the decimal separator is a comma) and by commas in English; as XLSX its dates and
 * numbers are real dates and numbers, and a second sheet explains the columns.
 */
final class ImportTemplate {

	private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final LocalDateTime STARTS = LocalDateTime.of(2010, 4, 22, 8, 0);

	private static final LocalDateTime ENDS = LocalDateTime.of(2010, 4, 22, 16, 30);

	private static final BigDecimal CAPITAL = new BigDecimal("120000000000");

	private ImportTemplate() {
	}

	/**
	 * @param format CSV or XLSX
	 * @param language the language of the headers and labels
	 * @return the file's name, for a download
	 */
	static String fileName(ImportFormat format, ImportLanguage language) {
		return language.pick("mau-nhap-hoat-dong.", "activity-import-template.") + format.name();
	}

	static byte[] write(ImportFormat format, ImportLanguage language) {
		return (format == ImportFormat.xlsx) ? xlsx(language) : csv(language);
	}

	/** The example row's cells as text, by column. */
	private static Map<CsvColumn, Object> example(ImportLanguage language) {
		Map<CsvColumn, Object> row = new EnumMap<>(CsvColumn.class);
		row.put(CsvColumn.AGREEMENT_ID, "CTHT-LD-HCM");
		row.put(CsvColumn.TYPE, ActivityLabels.of(ActivityType.INVESTMENT_PROMOTION_CONFERENCE, language));
		row.put(CsvColumn.TITLE_VI,
				"Hội nghị xúc tiến đầu tư trực tiếp vào các KCN Lâm Đồng tổ chức tại TP.HCM năm 2010");
		row.put(CsvColumn.TITLE_EN, "2010 investment promotion conference in HCMC for the Lâm Đồng industrial zones");
		row.put(CsvColumn.DESCRIPTION, "Ban Quản lý TP.HCM hỗ trợ tổ chức, mời các doanh nghiệp KCX – KCN thành phố "
				+ "tìm hiểu cơ hội đầu tư tại KCN Lộc Sơn và KCN Phú Hội.");
		row.put(CsvColumn.STARTS_AT, STARTS);
		row.put(CsvColumn.ENDS_AT, ENDS);
		row.put(CsvColumn.TIME_ZONE, "Asia/Ho_Chi_Minh");
		row.put(CsvColumn.PROVINCE, "TP. Hồ Chí Minh");
		row.put(CsvColumn.VENUE, "Hội trường khách sạn, Quận 1");
		row.put(CsvColumn.HOST, "BQL-LD");
		row.put(CsvColumn.PARTICIPANTS, "BQL-HCM");
		row.put(CsvColumn.DEPARTMENTS, "Phòng Quản lý Đầu tư");
		row.put(CsvColumn.STATUS, ActivityLabels.of(ActivityStatus.COMPLETED, language));
		row.put(CsvColumn.INVESTORS, 95);
		row.put(CsvColumn.ENTERPRISES, 38);
		row.put(CsvColumn.LEADS, 9);
		row.put(CsvColumn.MOUS, 2);
		row.put(CsvColumn.PROJECTS, 1);
		row.put(CsvColumn.CAPITAL_AMOUNT, CAPITAL);
		row.put(CsvColumn.CAPITAL_CURRENCY, "VND");
		// history entered after the fact: the partners are not mailed about it
		row.put(CsvColumn.NOTIFY_PARTNERS, language.pick("không", "no"));
		return row;
	}

	private static byte[] csv(ImportLanguage language) {
		StringBuilder out = new StringBuilder("\uFEFF");
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter((language == ImportLanguage.vi) ? ';' : ',')
			.setRecordSeparator("\r\n")
			.get();
		Map<CsvColumn, Object> example = example(language);
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			printer.printRecord(Arrays.stream(CsvColumn.values()).map((column) -> column.label(language)));
			printer.printRecord(Arrays.stream(CsvColumn.values()).map((column) -> text(example.get(column), language)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String text(Object value, ImportLanguage language) {
		if (value instanceof LocalDateTime dateTime) {
			return DAY_FIRST.format(dateTime);
		}
		if (value instanceof BigDecimal amount) {
			// 120.000.000.000 in Vietnamese, 120,000,000,000 in English
			return String.format("%,d", amount.toBigIntegerExact()).replace(",", language.pick(".", ","));
		}
		return (value != null) ? value.toString() : "";
	}

	private static byte[] xlsx(ImportLanguage language) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "Cooperation Hub", "1.0")) {
			Worksheet sheet = workbook.newWorksheet(language.pick("Hoạt động", "Activities"));
			Map<CsvColumn, Object> example = example(language);
			CsvColumn[] columns = CsvColumn.values();
			for (int c = 0; c < columns.length; c++) {
				sheet.value(0, c, columns[c].label(language));
				sheet.style(0, c).bold().fillColor("DDEBF7").set();
				sheet.width(c, Math.max(14, columns[c].label(language).length() + 4));
				Object value = example.get(columns[c]);
				if (value instanceof LocalDateTime dateTime) {
					sheet.value(1, c, dateTime);
					sheet.style(1, c).format("dd/mm/yyyy hh:mm").set();
				}
				else if (value instanceof BigDecimal amount) {
					sheet.value(1, c, amount);
					sheet.style(1, c).format("#,##0").set();
				}
				else if (value instanceof Integer count) {
					sheet.value(1, c, count);
				}
				else if (value != null) {
					sheet.value(1, c, value.toString());
				}
			}
			sheet.freezePane(0, 1);
			guide(workbook.newWorksheet(language.pick("Hướng dẫn", "Guide")), language);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** What each column takes, and the activity types by their labels. */
	private static void guide(Worksheet sheet, ImportLanguage language) {
		sheet.value(0, 0, language.pick("Cột", "Column"));
		sheet.value(0, 1, language.pick("Bắt buộc", "Required"));
		sheet.value(0, 2, language.pick("Cách nhập", "How to fill it in"));
		sheet.style(0, 0).bold().set();
		sheet.style(0, 1).bold().set();
		sheet.style(0, 2).bold().set();
		sheet.width(0, 28);
		sheet.width(2, 100);
		int row = 1;
		for (CsvColumn column : CsvColumn.values()) {
			sheet.value(row, 0, column.label(language));
			sheet.value(row, 1, CsvColumn.REQUIRED.contains(column) ? language.pick("có", "yes") : "");
			sheet.value(row, 2, hint(column, language));
			row++;
		}
		row++;
		sheet.value(row++, 0, language.pick("Loại hoạt động", "Activity types"));
		for (ActivityType type : ActivityType.values()) {
			sheet.value(row, 0, ActivityLabels.of(type, language));
			sheet.value(row++, 2, type.name());
		}
	}

	private static String hint(CsvColumn column, ImportLanguage language) {
		return switch (column) {
			case AGREEMENT_ID ->
				language.pick("mã thỏa thuận, ví dụ CTHT-LD-HCM", "the agreement's code, e.g. CTHT-LD-HCM");
			case TYPE -> language.pick("tên loại hoạt động (xem bên dưới)", "the activity type's name (see below)");
			case STARTS_AT, ENDS_AT ->
				language.pick("dd/MM/yyyy hoặc dd/MM/yyyy HH:mm", "dd/MM/yyyy or dd/MM/yyyy HH:mm");
			case HOST -> language.pick("mã đơn vị, ví dụ BQL-LD", "the organization's code, e.g. BQL-LD");
			case PARTICIPANTS, DEPARTMENTS, COMMITMENTS -> language.pick("cách nhau bằng dấu ;", "separated by ;");
			case STATUS -> ActivityLabels.statusLabels(language);
			case CAPITAL_AMOUNT -> language.pick("ví dụ 120.000.000.000", "e.g. 120,000,000,000");
			case CAPITAL_CURRENCY -> "VND, USD";
			case DOCUMENTS -> language.pick("mỗi dòng: tiêu đề | FORM, REGULATION, REPORT hoặc OTHER | đường dẫn",
					"one a line: title | FORM, REGULATION, REPORT or OTHER | link");
			case PLAN_ITEMS -> language.pick("mỗi dòng một việc", "one item a line");
			case NOTIFY_PARTNERS -> language.pick("có/không (để trống: có)", "yes/no (empty: yes)");
			default -> "";
		};
	}

}
