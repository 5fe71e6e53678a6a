package org.coophub.identity.signin;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The failed sign-ins of one username or one client address: one small document per key,
 * shared by every instance of the server.
 *
 * @param key {@code user:<username>} or {@code address:<client address>}
 * @param failures failed sign-ins since {@code windowStartedAt}
 * @param windowStartedAt when the current count began
 * @param lockouts how many locks in a row this key had (the next lasts twice as long)
 * @param lockedUntil until when sign-ins for this key are refused; null when never locked
 * @param expiresAt when the record no longer matters: a window after its last failure or
 * lock; MongoDB deletes it then (TTL index), and it is ignored from then on anyway
 * @param version optimistic locking: two instances counting at once do not lose a failure
 */
@Document(FailureCount.COLLECTION)
record FailureCount(@Id String key, int failures, Instant windowStartedAt, int lockouts, Instant lockedUntil,
		Instant expiresAt, @Version Long version) {

	static final String COLLECTION = "signInFailures";

	static FailureCount none(String key, Instant now) {
		return new FailureCount(key, 0, now, 0, null, now, null);
	}

	boolean expired(Instant now) {
		return !this.expiresAt.isAfter(now);
	}

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
