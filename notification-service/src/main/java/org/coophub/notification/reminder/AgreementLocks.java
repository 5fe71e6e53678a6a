package org.coophub.notification.reminder;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * One lock per agreement within this JVM, so that the replanning of one agreement's
 * reminders never overlaps another replanning of it: agreement-events (one thread per
 * partition), activity-events, organization events replanning every agreement of an
 * organization, the review sweep and a party's skip or move all replan, and two replans
 * interleaved can leave a stale plan (one cancels what the other just planned, or plans
 * again what the other cancelled). docs/notifications.md, "Concurrency".
 * <p>
 * A fixed set of reentrant locks chosen by the agreement id's hash (a striped lock, as
 * Guava's {@code Striped}, which is not on this service's classpath): bounded memory
 * however many agreements, and two agreements sharing a stripe only wait for each other.
 * Nothing holds the lock of one agreement while it takes another's, so stripes cannot
 * deadlock.
 */
@Component
class AgreementLocks {

	/**
	 * Many more than the threads that replan (three, four with a sweep and a request).
	 */
	static final int STRIPES = 64;

	private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

	AgreementLocks() {
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new ReentrantLock();
		}
	}

	/**
	 * Runs the work holding the agreement's lock: waits while another thread holds it.
	 * @param <T> what the work answers
	 * @param agreementId the agreement
	 * @param work the work
	 * @return what the work answered
	 */
	<T> T holding(String agreementId, Supplier<T> work) {
		ReentrantLock lock = lockOf(agreementId);
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Whether a thread waits for the agreement's lock (tests prove replans do not overlap
	 * without sleeping).
	 * @param agreementId the agreement
	 * @param thread the thread
	 * @return true if it is queued for the lock
	 */
	boolean waiting(String agreementId, Thread thread) {
		return lockOf(agreementId).hasQueuedThread(thread);
	}

	private ReentrantLock lockOf(String agreementId) {
		int hash = agreementId.hashCode();
		// the high bits too: ids that differ only at their start still spread
		return this.stripes[Math.floorMod(hash ^ (hash >>> 16), STRIPES)];
	}

}
