package org.coophub.activity.activity;

import java.time.LocalDateTime;
import java.time.LocalTime;

import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The cells people type: day-first dates, grouped numbers, labelled types and statuses,
 * headers in either language.
 */
class ImportCellsTest {

	@Test
	void datesReadDayFirstOrIsoAndADateAloneTakesTheGivenTime() {
		assertThat(ImportCells.dateTime("22/04/2010 08:00", LocalTime.MIDNIGHT))
			.isEqualTo(LocalDateTime.of(2010, 4, 22, 8, 0));
		assertThat(ImportCells.dateTime("2/4/2010", ImportCells.END_OF_DAY))
			.isEqualTo(LocalDateTime.of(2010, 4, 2, 23, 59));
		assertThat(ImportCells.dateTime("2010-04-22T08:30:00", LocalTime.MIDNIGHT))
			.isEqualTo(LocalDateTime.of(2010, 4, 22, 8, 30));
		assertThat(ImportCells.dateTime("2010-04-22 08:30", LocalTime.MIDNIGHT))
			.isEqualTo(LocalDateTime.of(2010, 4, 22, 8, 30));
		assertThat(ImportCells.dateTime("2010-04-22", LocalTime.MIDNIGHT))
			.isEqualTo(LocalDateTime.of(2010, 4, 22, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> ImportCells.dateTime("31/02/2012", LocalTime.MIDNIGHT));
		assertThatIllegalArgumentException().isThrownBy(() -> ImportCells.dateTime("04/22/2010", LocalTime.MIDNIGHT));
		assertThatIllegalArgumentException().isThrownBy(() -> ImportCells.dateTime("hôm qua", LocalTime.MIDNIGHT));
	}

	@Test
	void numbersReadWithVietnameseOrEnglishGrouping() {
		assertThat(ImportCells.number("120.000.000.000")).isEqualByComparingTo("120000000000");
		assertThat(ImportCells.number("120,000,000,000")).isEqualByComparingTo("120000000000");
		assertThat(ImportCells.number("120 000 000 000 ₫")).isEqualByComparingTo("120000000000");
		assertThat(ImportCells.number("350000000000.50")).isEqualByComparingTo("350000000000.50");
		assertThat(ImportCells.number("1.234,5")).isEqualByComparingTo("1234.5");
		assertThat(ImportCells.number("1,234.5")).isEqualByComparingTo("1234.5");
		assertThat(ImportCells.number("1,5")).isEqualByComparingTo("1.5");
		assertThat(ImportCells.number("1.500")).isEqualByComparingTo("1500");
		assertThat(ImportCells.number("-5")).isEqualByComparingTo("-5");
		assertThat(ImportCells.count("1.200")).isEqualTo(1200);
		assertThatIllegalArgumentException().isThrownBy(() -> ImportCells.number("12.34.5"));
		assertThatIllegalArgumentException().isThrownBy(() -> ImportCells.number("mười"));
		assertThatIllegalArgumentException().isThrownBy(() -> ImportCells.count("1,5"));
	}

	@Test
	void typesAndStatusesReadByNameOrLabelWithTheirDiacritics() {
		assertThat(ActivityLabels.type("Hội nghị xúc tiến đầu tư"))
			.isEqualTo(ActivityType.INVESTMENT_PROMOTION_CONFERENCE);
		assertThat(ActivityLabels.type("investment promotion conference"))
			.isEqualTo(ActivityType.INVESTMENT_PROMOTION_CONFERENCE);
		assertThat(ActivityLabels.type("INVESTMENT_PROMOTION_CONFERENCE"))
			.isEqualTo(ActivityType.INVESTMENT_PROMOTION_CONFERENCE);
		assertThat(ActivityLabels.type("hoi nghi xuc tien dau tu"))
			.isEqualTo(ActivityType.INVESTMENT_PROMOTION_CONFERENCE);
		assertThat(ActivityLabels.type("HỘI THAO")).isEqualTo(ActivityType.SPORTS_EVENT);
		// a seminar is not a sports event, though the two differ only by a tone mark
		assertThatIllegalArgumentException().isThrownBy(() -> ActivityLabels.type("Hội thảo"));
		assertThat(ActivityLabels.status("Đã hoàn thành")).isEqualTo(ActivityStatus.COMPLETED);
		assertThat(ActivityLabels.status("planned")).isEqualTo(ActivityStatus.PLANNED);
	}

	@Test
	void headersReadInEitherLanguageIgnoringCaseDiacriticsAndPunctuation() {
		assertThat(CsvColumn.byHeader("Mã thỏa thuận")).contains(CsvColumn.AGREEMENT_ID);
		assertThat(CsvColumn.byHeader("MÃ THOẢ THUẬN *")).contains(CsvColumn.AGREEMENT_ID);
		assertThat(CsvColumn.byHeader("Agreement code")).contains(CsvColumn.AGREEMENT_ID);
		assertThat(CsvColumn.byHeader("agreementId")).contains(CsvColumn.AGREEMENT_ID);
		assertThat(CsvColumn.byHeader("Mã chương trình")).contains(CsvColumn.AGREEMENT_ID);
		assertThat(CsvColumn.byHeader("Tiêu đề (VI)")).contains(CsvColumn.TITLE_VI);
		assertThat(CsvColumn.byHeader("Title (EN)")).contains(CsvColumn.TITLE_EN);
		assertThat(CsvColumn.byHeader("participants")).contains(CsvColumn.PARTICIPANT_COUNT);
		assertThat(CsvColumn.byHeader("Participating organizations")).contains(CsvColumn.PARTICIPANTS);
		assertThat(CsvColumn.byHeader("colour")).isEmpty();
	}

	@Test
	void theSeparatorIsTheOneTheHeaderUses() {
		assertThat(CsvTables.delimiter("Mã thỏa thuận;Loại hoạt động;\"Tiêu đề, (VI)\"\na,b,c,d")).isEqualTo(';');
		assertThat(CsvTables.delimiter("agreementId,type,titleVi\n")).isEqualTo(',');
		assertThat(CsvTables.delimiter("agreementId\ttype\ttitleVi")).isEqualTo('\t');
	}

	@Test
	void theLanguageIsTheOneTheClientPrefers() {
		assertThat(ImportLanguage.of("vi-VN,vi;q=0.9,en;q=0.8")).isEqualTo(ImportLanguage.vi);
		assertThat(ImportLanguage.of("en-US,vi;q=0.5")).isEqualTo(ImportLanguage.en);
		assertThat(ImportLanguage.of("fr, vi;q=0.4")).isEqualTo(ImportLanguage.vi);
		assertThat(ImportLanguage.of(null)).isEqualTo(ImportLanguage.en);
		assertThat(ImportLanguage.of("???")).isEqualTo(ImportLanguage.en);
	}

}
