package org.coophub.activity.activity;

import java.time.Instant;

/**
 * One entry of an activity's history: what changed it, into which version, and who.
 *
 * @param version the version the change made
 * @param change RECORDED, UPDATED, RESCHEDULED, COMPLETED or CANCELLED (stored by name)
 * @param actor who: {@code user@ORGANIZATION}, or {@code system}
 * @param at when
 * @param traceId the trace of the request (or handled event) that made the change: its
 * log lines, its events and the mails about it carry the same id (docs/operations.md,
 * "Tracing"); null for changes made before tracing
 */
record ActivityChange(long version, ActivityChangeKind change, String actor, Instant at, String traceId) {
}
