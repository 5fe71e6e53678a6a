package org.coophub.reporting.report;

import java.time.LocalDate;
import java.util.Optional;

import org.coophub.reporting.dashboard.ReviewCycleEntry;

/**
 * The days an annual report covers: from the day after the previous year's review was
 * held (else from 1 January) to the day this year's review was held (else 31 December).
 * Consecutive periods so follow each other without gap or overlap, and a review meeting
 * belongs to the period it closes.
 *
 * @param start the first day
 * @param end the last day: the report is computed as of it
 * @param rule which ends are reviews: {@code REVIEW_TO_REVIEW},
 * {@code REVIEW_TO_YEAR_END}, {@code YEAR_START_TO_REVIEW} or {@code CALENDAR_YEAR}
 */
public record ReviewPeriod(LocalDate start, LocalDate end, String rule) {

	static ReviewPeriod of(int year, Optional<ReviewCycleEntry> cycle, Optional<ReviewCycleEntry> previous) {
		boolean closedByReview = cycle.filter(ReviewCycleEntry::held).isPresent();
		boolean openedByReview = previous.filter(ReviewCycleEntry::held).isPresent();
		LocalDate end = closedByReview ? cycle.get().heldOn() : LocalDate.of(year, 12, 31);
		LocalDate start = openedByReview ? previous.get().heldOn().plusDays(1) : LocalDate.of(year, 1, 1);
		if (start.isAfter(end)) {
			// reviews recorded out of their order: fall back to the calendar year's start
			openedByReview = false;
			start = LocalDate.of(year, 1, 1).isAfter(end) ? end : LocalDate.of(year, 1, 1);
		}
		String rule = (openedByReview ? "REVIEW" : "YEAR_START") + "_TO_" + (closedByReview ? "REVIEW" : "YEAR_END");
		return new ReviewPeriod(start, end, "YEAR_START_TO_YEAR_END".equals(rule) ? "CALENDAR_YEAR" : rule);
	}

}
