package org.coophub.notification.review;

import java.time.LocalDate;
import java.util.List;

import org.coophub.events.agreement.ReviewPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewCalendarTest {

	private static ReviewPolicy policy(int month, int day) {
		return new ReviewPolicy(month, day, "Asia/Ho_Chi_Minh", List.of("hcm", "ld"), "hcm", List.of(30, 7, 1));
	}

	@Test
	void nextReviewDayIsLaterThisYearWhenNotYetPassed() {
		assertThat(ReviewCalendar.nextReviewDay(policy(11, 6), LocalDate.of(2026, 3, 1)))
			.isEqualTo(LocalDate.of(2026, 11, 6));
	}

	@Test
	void nextReviewDayIsTheReviewDayItself() {
		assertThat(ReviewCalendar.nextReviewDay(policy(11, 6), LocalDate.of(2026, 11, 6)))
			.isEqualTo(LocalDate.of(2026, 11, 6));
	}

	@Test
	void nextReviewDayMovesToNextYearOncePassed() {
		assertThat(ReviewCalendar.nextReviewDay(policy(11, 6), LocalDate.of(2026, 11, 7)))
			.isEqualTo(LocalDate.of(2027, 11, 6));
	}

	@Test
	void leapDayFallsOnTheTwentyEighthInOtherYears() {
		assertThat(ReviewCalendar.reviewDayIn(policy(2, 29), 2027)).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(ReviewCalendar.reviewDayIn(policy(2, 29), 2028)).isEqualTo(LocalDate.of(2028, 2, 29));
	}

	@Test
	void twoPartiesAlternate() {
		List<String> rotation = List.of("hcm", "ld");
		assertThat(ReviewCalendar.nextHost(rotation, "hcm")).isEqualTo("ld");
		assertThat(ReviewCalendar.nextHost(rotation, "ld")).isEqualTo("hcm");
	}

	@Test
	void threePartiesCycleInOrderAndTheFirstStartsWhenNobodyHostedYet() {
		List<String> rotation = List.of("a", "b", "c");
		assertThat(ReviewCalendar.nextHost(rotation, null)).isEqualTo("a");
		assertThat(ReviewCalendar.nextHost(rotation, "a")).isEqualTo("b");
		assertThat(ReviewCalendar.nextHost(rotation, "b")).isEqualTo("c");
		assertThat(ReviewCalendar.nextHost(rotation, "c")).isEqualTo("a");
	}

}
