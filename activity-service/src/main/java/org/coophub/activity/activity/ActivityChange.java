package org.coophub.activity.activity;

import java.time.Instant;

/**
 * One entry of an activity's history: what changed it, into which version, and who.
 *
 * @param version the version the change made
 * @param change RECORDED, UPDATED, RESCHEDULED, COMPLETED or CANCELLED (stored by name)
 * @param actor who: {@code user@ORGANIZATION}, or {@code system}
 * @param at when
 */
record ActivityChange(long version, ActivityChangeKind change, String actor, Instant at) {
}
