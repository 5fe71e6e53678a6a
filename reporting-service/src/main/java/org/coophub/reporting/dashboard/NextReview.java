package org.coophub.reporting.dashboard;

import java.time.LocalDate;

import org.coophub.events.common.LocalizedText;
import org.coophub.events.notification.ReviewCycleStatus;

/**
 * The agreement's next (or last planned) annual review and who hosts it.
 */
public record NextReview(int year, LocalDate dueOn, ReviewCycleStatus status, String hostOrganizationId,
		LocalizedText hostName, boolean overdue, LocalDate lastHeldOn) {

	static NextReview of(ReviewEntry review, LocalDate today, Names names) {
		if (review == null) {
			return null;
		}
		String host = review.upcomingHost();
		boolean held = review.status() == ReviewCycleStatus.HELD;
		return new NextReview(held ? review.year() + 1 : review.year(), held ? null : review.dueOn(), review.status(),
				host, names.of(host), review.overdue(today), review.heldOn());
	}

}
