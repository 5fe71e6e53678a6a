package org.coophub.notification.notification;

import java.time.LocalDate;

/**
 * What a review reminder is about: the review cycle, the moment relative to its due date
 * and the party the recipient speaks for.
 *
 * @param year the year of the review cycle
 * @param dueOn the review's due date, as planned when the reminder was
 * @param offsetDays days before the due date (a lead day), or negative: days after it
 * (overdue)
 * @param organizationId the recipient's organization
 * @param language the recipient's language, {@code vi} or {@code en}
 */
public record Reminder(int year, LocalDate dueOn, int offsetDays, String organizationId, String language) {

	public boolean overdue() {
		return this.offsetDays < 0;
	}

}
