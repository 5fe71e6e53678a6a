package org.coophub.notification.messaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.coophub.events.activity.ActivityState;
import org.coophub.notification.directory.AgreementParties;
import org.coophub.notification.notification.ActivityNotices;
import org.coophub.notification.notification.NoticeBatch;
import org.coophub.notification.notification.NoticePlans;
import org.coophub.notification.notification.Notification;
import org.coophub.notification.reminder.ActivityLog;
import org.coophub.platform.messaging.ThreadBoundPolls;

/**
 * Where the activity-events consumer's handlers leave the activities to log and the
 * notices to plan: while its thread works through a poll, in that poll's batches, written
 * once the poll is done (the log with one bulk write, the notices with one bulk insert;
 * docs/architecture.md, "Applying a poll together"); outside a poll (a parked record
 * routed again) at once, one event at a time. The poll's records are keyed by their
 * agreement, so the first notice reads the parties of all of them at once.
 * <p>
 * A record's effects join its poll's only once its handler is done ({@link #wholly}): a
 * record parked because its agreement is not known yet, or handled again after a failure
 * of the store, leaves nothing half in the poll, and what the poll's other records left
 * is written all the same.
 */
final class ActivityPolls extends ThreadBoundPolls<ActivityPolls.Poll> {

	private final ActivityNotices notices;

	private final ActivityLog log;

	ActivityPolls(ActivityNotices notices, ActivityLog log) {
		this.notices = notices;
		this.log = log;
	}

	@Override
	protected Poll newPoll(List<String> keys) {
		Set<String> agreementIds = keys.stream()
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return new Poll(this.notices.batch(agreementIds), this.log.batch());
	}

	/** The activities logged first, then the notices planned: one event's order. */
	@Override
	protected void write(Poll poll) {
		poll.log.write();
		poll.notices.write();
	}

	/**
	 * A handler whose effects join the poll's only once it is done; thrown (parked,
	 * failed), it leaves none.
	 * @param <E> the event type
	 * @param handler the handler
	 * @return the handler, all or nothing within a poll
	 */
	<E> Consumer<E> wholly(Consumer<E> handler) {
		return (event) -> {
			Poll poll = current();
			if (poll == null) {
				handler.accept(event);
				return;
			}
			try {
				handler.accept(event);
				poll.staged.forEach(Runnable::run);
			}
			finally {
				poll.staged.clear();
			}
		};
	}

	/**
	 * Logs an activity for the review digests: with its poll's, else at once.
	 * @param activity the activity
	 * @param version its version
	 */
	void log(ActivityState activity, long version) {
		Poll poll = current();
		if (poll == null) {
			this.log.apply(activity, version);
		}
		else {
			poll.staged.add(() -> poll.log.apply(activity, version));
		}
	}

	/**
	 * @return where the event being handled plans its notices: its poll, else at once
	 */
	NoticePlans notices() {
		Poll poll = current();
		return (poll != null) ? poll : this.notices.atOnce();
	}

	/**
	 * One poll's batches, and what the record being handled left so far.
	 */
	static final class Poll implements NoticePlans {

		private final NoticeBatch notices;

		private final ActivityLog.Batch log;

		private final List<Runnable> staged = new ArrayList<>();

		Poll(NoticeBatch notices, ActivityLog.Batch log) {
			this.notices = notices;
			this.log = log;
		}

		@Override
		public Optional<AgreementParties> parties(String agreementId) {
			return this.notices.parties(agreementId);
		}

		@Override
		public void sendSoon(Notification notice) {
			this.staged.add(() -> this.notices.sendSoon(notice));
		}

		@Override
		public void keepUnsent(Notification notice) {
			this.staged.add(() -> this.notices.keepUnsent(notice));
		}

	}

}
