package org.coophub.reporting.dashboard;

import java.time.LocalDate;

import org.coophub.events.notification.ReviewCycleStatus;

/**
 * The agreement's annual review as notification-service last planned or recorded it, at
 * the review cycle's version.
 */
public record ReviewEntry(long version, int year, LocalDate dueOn, String hostOrganizationId, ReviewCycleStatus status,
		LocalDate heldOn, String nextHostOrganizationId) {

	/**
	 * A review is overdue once its day has passed without being held, whatever the last
	 * status said.
	 * @param today the program's date today
	 * @return whether the review is overdue
	 */
	public boolean overdue(LocalDate today) {
		if (this.status == ReviewCycleStatus.HELD || this.status == ReviewCycleStatus.CANCELLED) {
			return false;
		}
		return this.status == ReviewCycleStatus.OVERDUE || (this.dueOn != null && this.dueOn.isBefore(today));
	}

	/**
	 * Who hosts the next review: the planned host, or after a review was held the next
	 * one in the rotation.
	 * @return the organization id, or null
	 */
	public String upcomingHost() {
		return (this.status == ReviewCycleStatus.HELD) ? this.nextHostOrganizationId : this.hostOrganizationId;
	}

}
