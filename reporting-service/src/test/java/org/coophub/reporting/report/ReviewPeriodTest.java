package org.coophub.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.reporting.dashboard.ReviewCycleEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's period runs from the day after last year's held review to this year's held
 * review, with the calendar year's ends where there is none.
 */
class ReviewPeriodTest {

	@Test
	void fromTheDayAfterOneHeldReviewToTheNext() {
		assertThat(ReviewPeriod.of(2012, held(2012, LocalDate.of(2012, 11, 8)), held(2011, LocalDate.of(2011, 11, 5))))
			.isEqualTo(new ReviewPeriod(LocalDate.of(2011, 11, 6), LocalDate.of(2012, 11, 8), "REVIEW_TO_REVIEW"));
	}

	@Test
	void theCalendarYearsEndsWhereNoReviewWasHeld() {
		assertThat(ReviewPeriod.of(2026, planned(2026), held(2025, LocalDate.of(2025, 11, 6))))
			.isEqualTo(new ReviewPeriod(LocalDate.of(2025, 11, 7), LocalDate.of(2026, 12, 31), "REVIEW_TO_YEAR_END"));
		assertThat(ReviewPeriod.of(2013, held(2013, LocalDate.of(2013, 11, 6)), missed(2012)))
			.isEqualTo(new ReviewPeriod(LocalDate.of(2013, 1, 1), LocalDate.of(2013, 11, 6), "YEAR_START_TO_REVIEW"));
		assertThat(ReviewPeriod.of(2014, Optional.empty(), missed(2013)))
			.isEqualTo(new ReviewPeriod(LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31), "CALENDAR_YEAR"));
	}

	private static Optional<ReviewCycleEntry> held(int year, LocalDate heldOn) {
		return Optional.of(new ReviewCycleEntry("a:" + year, 1, "a", year, LocalDate.of(year, 11, 6), "hcm",
				ReviewCycleStatus.HELD, heldOn, "ld", Instant.EPOCH));
	}

	private static Optional<ReviewCycleEntry> planned(int year) {
		return Optional.of(new ReviewCycleEntry("a:" + year, 1, "a", year, LocalDate.of(year, 11, 6), "hcm",
				ReviewCycleStatus.UPCOMING, null, null, Instant.EPOCH));
	}

	private static Optional<ReviewCycleEntry> missed(int year) {
		return Optional.of(new ReviewCycleEntry("a:" + year, 1, "a", year, LocalDate.of(year, 11, 6), "hcm",
				ReviewCycleStatus.MISSED, null, null, Instant.EPOCH));
	}

}
