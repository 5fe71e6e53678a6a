package org.coophub.notification.review;

import java.time.LocalDate;

import org.coophub.events.notification.ReviewCycleStatus;

/**
 * One year's annual review: when it is due and who hosts it.
 *
 * @param year the year of the cycle, which names it (and its calendar UID)
 * @param dueOn the day the review is due, in the agreement's time zone
 * @param hostOrganizationId whose turn it is to host
 * @param status UPCOMING, HELD or CANCELLED as stored; DUE and OVERDUE are told from the
 * day (see {@link #statusOn})
 * @param sequence how often the cycle's date or host changed: the invitation's SEQUENCE,
 * so calendars update the event
 * @param reviewActivityId the ANNUAL_REVIEW activity that set the date or held the
 * review, if any
 * @param heldOn the day the review was held
 */
public record ReviewCycle(int year, LocalDate dueOn, String hostOrganizationId, ReviewCycleStatus status, int sequence,
		String reviewActivityId, LocalDate heldOn) {

	/**
	 * The status as of a day: an upcoming review is DUE from its first reminder to its
	 * date, and OVERDUE after it until it is held.
	 * @param today the day in the agreement's time zone
	 * @param firstLeadDays the largest lead day of the policy
	 * @return the status
	 */
	public ReviewCycleStatus statusOn(LocalDate today, int firstLeadDays) {
		if (this.status != ReviewCycleStatus.UPCOMING) {
			return this.status;
		}
		if (today.isAfter(this.dueOn)) {
			return ReviewCycleStatus.OVERDUE;
		}
		return today.isBefore(this.dueOn.minusDays(firstLeadDays)) ? ReviewCycleStatus.UPCOMING : ReviewCycleStatus.DUE;
	}

	ReviewCycle movedTo(LocalDate day, String activityId) {
		return new ReviewCycle(this.year, day, this.hostOrganizationId, this.status, this.sequence + 1,
				(activityId != null) ? activityId : this.reviewActivityId, this.heldOn);
	}

	ReviewCycle hostedBy(String host) {
		return new ReviewCycle(this.year, this.dueOn, host, this.status, this.sequence + 1, this.reviewActivityId,
				this.heldOn);
	}

	ReviewCycle held(String activityId, LocalDate day) {
		return new ReviewCycle(this.year, this.dueOn, this.hostOrganizationId, ReviewCycleStatus.HELD, this.sequence,
				activityId, day);
	}

	ReviewCycle cancelled() {
		return new ReviewCycle(this.year, this.dueOn, this.hostOrganizationId, ReviewCycleStatus.CANCELLED,
				this.sequence, this.reviewActivityId, this.heldOn);
	}

}
