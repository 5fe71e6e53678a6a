package org.coophub.reporting.dashboard;

import org.coophub.platform.projection.Versioned;

import org.springframework.data.annotation.Id;

/**
 * One activity of a dashboard, stored on its own and replaced only by a newer version.
 *
 * @param id the activity
 * @param version its version
 * @param agreementId the agreement it belongs to
 * @param entry the activity as the dashboard counts it
 */
record StoredActivity(@Id String id, long version, String agreementId, ActivityEntry entry) implements Versioned {

	static StoredActivity of(String agreementId, ActivityEntry entry) {
		return new StoredActivity(entry.id(), entry.version(), agreementId, entry);
	}

}
