package org.coophub.notification.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.coophub.events.notification.ReviewCycleStatus;

/**
 * One year's annual review: when it is due, who the rotation planned to host it and, once
 * held, who did.
 *
 * @param year the year of the cycle, which names it (and its calendar UID); a review
 * belongs to the cycle of the year of its own date
 * @param dueOn the day the review is due, in the agreement's time zone
 * @param hostOrganizationId who hosts it: the actual host once HELD, else the planned one
 * @param status UPCOMING (the current cycle), HELD, SKIPPED, MISSED or CANCELLED as
 * stored; DUE and OVERDUE are told from the moment (see {@link #statusAt})
 * @param sequence how often the cycle's date, host or standing changed: the invitation's
 * SEQUENCE, so calendars update the event
 * @param reviewActivityId the ANNUAL_REVIEW activity that set the date or held the
 * review, if any
 * @param heldOn the day the review was held
 * @param plannedHostOrganizationId whose turn it was by the rotation
 * @param rotation why it was that party's turn, e.g. {@code after org-hcm hosted 2012}
 * @param note why a party skipped or moved the cycle
 * @param dateFixed whether an activity or a party set the date, so a policy amendment no
 * longer moves it
 * @param otherReviewActivityIds further reviews held in a year already HELD: recorded on
 * the cycle, they hold no other
 */
public record ReviewCycle(int year, LocalDate dueOn, String hostOrganizationId, ReviewCycleStatus status, int sequence,
		String reviewActivityId, LocalDate heldOn, String plannedHostOrganizationId, String rotation, String note,
		boolean dateFixed, List<String> otherReviewActivityIds) {

	public ReviewCycle {
		otherReviewActivityIds = (otherReviewActivityIds != null) ? List.copyOf(otherReviewActivityIds) : List.of();
	}

	/**
	 * A cycle as the rotation plans it.
	 */
	ReviewCycle(int year, LocalDate dueOn, String hostOrganizationId, ReviewCycleStatus status, int sequence,
			String reviewActivityId, LocalDate heldOn) {
		this(year, dueOn, hostOrganizationId, status, sequence, reviewActivityId, heldOn, hostOrganizationId, null,
				null, false, List.of());
	}

	/**
	 * The status as of a day: the current cycle is DUE from its first reminder's day to
	 * its date, and OVERDUE after it until it is held, skipped or missed.
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

	/**
	 * The status at a moment: the current cycle is DUE from its first reminder's moment
	 * (08:00 on the largest lead day), OVERDUE after its date.
	 * @param now the moment
	 * @param zone the agreement's time zone
	 * @param firstLeadDays the largest lead day of the policy
	 * @return the status
	 */
	public ReviewCycleStatus statusAt(Instant now, ZoneId zone, int firstLeadDays) {
		if (this.status != ReviewCycleStatus.UPCOMING) {
			return this.status;
		}
		if (LocalDate.ofInstant(now, zone).isAfter(this.dueOn)) {
			return ReviewCycleStatus.OVERDUE;
		}
		return now.isBefore(ReviewCalendar.firstReminderAt(this.dueOn, zone, firstLeadDays))
				? ReviewCycleStatus.UPCOMING : ReviewCycleStatus.DUE;
	}

	/**
	 * Whether what happened to the cycle is known for good: a review was held or a party
	 * declared it skipped. Every other standing follows from the calendar.
	 * @return whether HELD or SKIPPED
	 */
	public boolean settled() {
		return this.status == ReviewCycleStatus.HELD || this.status == ReviewCycleStatus.SKIPPED;
	}

	/**
	 * All the ANNUAL_REVIEW activities recorded on this cycle.
	 * @return the activity ids
	 */
	List<String> reviewActivities() {
		List<String> all = new ArrayList<>(this.otherReviewActivityIds);
		if (this.reviewActivityId != null) {
			all.add(0, this.reviewActivityId);
		}
		return all;
	}

	ReviewCycle movedTo(LocalDate day, String activityId) {
		return new ReviewCycle(this.year, day, this.hostOrganizationId, this.status, this.sequence + 1,
				(activityId != null) ? activityId : this.reviewActivityId, this.heldOn, this.plannedHostOrganizationId,
				this.rotation, this.note, this.dateFixed || activityId != null, this.otherReviewActivityIds);
	}

	ReviewCycle movedByParty(LocalDate day, String note) {
		return new ReviewCycle(this.year, day, this.hostOrganizationId, this.status, this.sequence + 1,
				this.reviewActivityId, this.heldOn, this.plannedHostOrganizationId, this.rotation, note, true,
				this.otherReviewActivityIds);
	}

	ReviewCycle planned(String host, String why) {
		boolean changed = this.hostOrganizationId != null && !this.hostOrganizationId.equals(host);
		return new ReviewCycle(this.year, this.dueOn, host, this.status, this.sequence + (changed ? 1 : 0),
				this.reviewActivityId, this.heldOn, host, why, this.note, this.dateFixed, this.otherReviewActivityIds);
	}

	ReviewCycle plannedAs(String host, String why) {
		return new ReviewCycle(this.year, this.dueOn, this.hostOrganizationId, this.status, this.sequence,
				this.reviewActivityId, this.heldOn, host, why, this.note, this.dateFixed, this.otherReviewActivityIds);
	}

	ReviewCycle held(String activityId, LocalDate day, String actualHost) {
		return new ReviewCycle(this.year, this.dueOn, (actualHost != null) ? actualHost : this.hostOrganizationId,
				ReviewCycleStatus.HELD, this.sequence, activityId, day, this.plannedHostOrganizationId, this.rotation,
				this.note, this.dateFixed, this.otherReviewActivityIds);
	}

	ReviewCycle alsoHeld(String activityId) {
		List<String> others = new ArrayList<>(this.otherReviewActivityIds);
		others.add(activityId);
		return new ReviewCycle(this.year, this.dueOn, this.hostOrganizationId, this.status, this.sequence,
				this.reviewActivityId, this.heldOn, this.plannedHostOrganizationId, this.rotation, this.note,
				this.dateFixed, others);
	}

	ReviewCycle skipped(String note) {
		return withStatus(ReviewCycleStatus.SKIPPED, this.sequence + 1, note);
	}

	ReviewCycle withStatus(ReviewCycleStatus status) {
		// a cycle that stops or starts again being the current one changes for calendars
		boolean announced = this.status == ReviewCycleStatus.UPCOMING || status == ReviewCycleStatus.UPCOMING;
		return withStatus(status, (announced && this.status != status) ? this.sequence + 1 : this.sequence, this.note);
	}

	private ReviewCycle withStatus(ReviewCycleStatus status, int sequence, String note) {
		return new ReviewCycle(this.year, this.dueOn, this.hostOrganizationId, status, sequence, this.reviewActivityId,
				this.heldOn, this.plannedHostOrganizationId, this.rotation, note, this.dateFixed,
				this.otherReviewActivityIds);
	}

	ReviewCycle cancelled() {
		return withStatus(ReviewCycleStatus.CANCELLED);
	}

}
