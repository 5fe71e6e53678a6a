package org.coophub.agreement.agreement;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementPeriodsTest {

	static final LocalDate START = LocalDate.of(2009, 10, 15);

	static final LocalDate END = LocalDate.of(2012, 12, 31);

	@Test
	void periodsSharingOnlyTheirLastAndFirstDayOverlap() {
		assertThat(AgreementPeriods.overlap(START, END, END, LocalDate.of(2017, 12, 31))).isTrue();
		assertThat(AgreementPeriods.overlap(END, LocalDate.of(2017, 12, 31), START, END)).isTrue();
	}

	@Test
	void theNextPeriodStartingTheDayAfterDoesNotOverlap() {
		assertThat(AgreementPeriods.overlap(START, END, END.plusDays(1), LocalDate.of(2017, 12, 31))).isFalse();
		assertThat(AgreementPeriods.overlap(END.plusDays(1), null, START, END)).isFalse();
	}

	@Test
	void aPeriodWithoutAnEndOverlapsEveryLaterOne() {
		assertThat(AgreementPeriods.overlap(START, null, LocalDate.of(2040, 1, 1), LocalDate.of(2041, 1, 1))).isTrue();
		assertThat(AgreementPeriods.overlap(START, null, LocalDate.of(2040, 1, 1), null)).isTrue();
		assertThat(AgreementPeriods.overlap(START, null, LocalDate.of(2001, 1, 1), START.minusDays(1))).isFalse();
	}

	@Test
	void aPeriodInsideAnotherOverlapsIt() {
		assertThat(AgreementPeriods.overlap(START, END, LocalDate.of(2011, 1, 1), LocalDate.of(2011, 6, 30))).isTrue();
	}

}
