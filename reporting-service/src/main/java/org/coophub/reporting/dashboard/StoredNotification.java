package org.coophub.reporting.dashboard;

import org.coophub.platform.projection.Versioned;

import org.springframework.data.annotation.Id;

/**
 * One notification's outcome, stored on its own and replaced only by a newer version.
 *
 * @param id the notification
 * @param version its version
 * @param agreementId the agreement it belongs to
 * @param entry the outcome
 */
record StoredNotification(@Id String id, long version, String agreementId,
		NotificationEntry entry) implements Versioned {

	static StoredNotification of(String id, String agreementId, NotificationEntry entry) {
		return new StoredNotification(id, entry.version(), agreementId, entry);
	}

}
