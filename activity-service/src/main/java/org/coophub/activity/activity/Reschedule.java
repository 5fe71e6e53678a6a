package org.coophub.activity.activity;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One move of an activity's dates, kept so its history shows where it was planned before.
 */
record Reschedule(LocalDateTime fromStartsAt, LocalDateTime fromEndsAt, LocalDateTime toStartsAt,
		LocalDateTime toEndsAt, String note, Instant at) {
}
