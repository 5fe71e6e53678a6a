package org.coophub.reporting.dashboard;

import java.util.Collection;

/**
 * Notifications of an agreement by outcome; late ones were sent, but after their day.
 */
public record NotificationCounts(long sent, long late, long failed) {

	static NotificationCounts of(Collection<NotificationEntry> entries) {
		long sent = 0;
		long late = 0;
		long failed = 0;
		for (NotificationEntry entry : entries) {
			switch (entry.outcome()) {
				case SENT -> sent++;
				case LATE -> {
					sent++;
					late++;
				}
				case FAILED -> failed++;
			}
		}
		return new NotificationCounts(sent, late, failed);
	}

}
