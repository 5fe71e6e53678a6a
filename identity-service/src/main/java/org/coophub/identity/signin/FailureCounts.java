package org.coophub.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per key in MongoDB and locks a key that reached its limit within
 * the window, for a lock that doubles with each lock in a row (capped). Time comes from
 * the {@link Clock} bean; an expired record counts as none, whether or not MongoDB's TTL
 * monitor has deleted it yet.
 */
@Component
class FailureCounts {

	private static final Logger log = LoggerFactory.getLogger(FailureCounts.class);

	/** Two instances counting the same key at once: the loser counts again. */
	private static final int ATTEMPTS = 5;

	private final MongoOperations mongo;

	private final SignInProperties properties;

	private final Clock clock;

	FailureCounts(MongoOperations mongo, SignInProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		mongo.indexOps(FailureCount.class)
			.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiry"));
	}

	/** Until when the key is locked, if it is now. */
	Optional<Instant> lockedUntil(String key) {
		Instant now = this.clock.instant();
		FailureCount count = this.mongo.findById(key, FailureCount.class);
		return (count != null && !count.expired(now) && count.lockedAt(now)) ? Optional.of(count.lockedUntil())
				: Optional.empty();
	}

	/**
	 * Counts a failed sign-in.
	 * @param key the username's or the address's key
	 * @param limit how many failures within the window lock the key
	 * @return until when the key is locked, when this failure locked it
	 */
	Optional<Instant> recordFailure(String key, int limit) {
		for (int attempt = 1;; attempt++) {
			try {
				return count(key, limit);
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/** Forgets the key's failures and locks (a successful sign-in). */
	void reset(String key) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key)), FailureCount.class);
	}

	private Optional<Instant> count(String key, int limit) {
		Instant now = this.clock.instant();
		Duration window = this.properties.window();
		FailureCount stored = this.mongo.findById(key, FailureCount.class);
		Long version = (stored != null) ? stored.version() : null;
		FailureCount current = (stored == null || stored.expired(now)) ? FailureCount.none(key, now) : stored;
		boolean windowOver = !current.windowStartedAt().plus(window).isAfter(now);
		int failures = (windowOver ? 0 : current.failures()) + 1;
		Instant windowStartedAt = windowOver ? now : current.windowStartedAt();
		int lockouts = current.lockouts();
		Instant lockedUntil = current.lockedUntil();
		boolean locks = failures >= limit;
		if (locks) {
			lockouts++;
			lockedUntil = now.plus(this.properties.lockoutNumber(lockouts));
			failures = 0;
			windowStartedAt = now;
		}
		Instant expiresAt = windowStartedAt.plus(window);
		if (lockedUntil != null && lockedUntil.plus(window).isAfter(expiresAt)) {
			// remember the lock a window beyond its end, so the next one lasts longer
			expiresAt = lockedUntil.plus(window);
		}
		this.mongo.save(new FailureCount(key, failures, windowStartedAt, lockouts, lockedUntil, expiresAt, version));
		if (locks) {
			log.warn("Sign-in locked for {} until {} after {} failed attempts within {} (lock {} in a row)",
					printable(key), lockedUntil, limit, window, lockouts);
			return Optional.of(lockedUntil);
		}
		return Optional.empty();
	}

	/** A username is typed by anyone: no line breaks or escapes in the log. */
	private static String printable(String key) {
		StringBuilder printable = new StringBuilder(key.length());
		key.codePoints().forEach((c) -> printable.appendCodePoint(unprintable(c) ? '?' : c));
		return printable.toString();
	}

	private static boolean unprintable(int codePoint) {
		return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
				|| Character.getType(codePoint) == Character.SURROGATE;
	}

}
