package org.coophub.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.coophub.platform.outbox.OutboxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends planned notifications. Each send is claimed atomically (PLANNED to SENDING) for a
 * lease first, so however many instances run, one sends it; failures are retried with a
 * growing pause. A claim whose lease ran out belongs to an instance that died mid-send:
 * it is sent again, with the same {@code Message-ID}, because SMTP cannot tell whether
 * the first copy went out and a late copy is better than none.
 */
@Component
class NotificationDispatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	static final int BATCH = 100;

	private final MongoTemplate mongo;

	private final SmtpMailer mail;

	private final OutboxWriter outbox;

	private final Clock clock;

	private final int maxAttempts;

	private final Duration claimLease;

	private final List<MailComposer> composers;

	/**
	 * Sends what a consumer planned, so that SMTP round trips do not hold up its
	 * partition; what it still holds at a crash is PLANNED in the ledger, and the poll
	 * sends it.
	 */
	private final ExecutorService sender = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "mail-dispatch");
		thread.setDaemon(true);
		return thread;
	});

	NotificationDispatcher(MongoTemplate mongo, SmtpMailer mail, OutboxWriter outbox, Clock clock,
			@Value("${coophub.mail.max-attempts}") int maxAttempts,
			@Value("${coophub.mail.claim-lease}") Duration claimLease, List<MailComposer> composers) {
		this.mongo = mongo;
		this.claimLease = claimLease;
		this.mail = mail;
		this.outbox = outbox;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.composers = composers;
	}

	@Scheduled(fixedDelayString = "${coophub.mail.dispatch-interval}")
	void dispatchDue() {
		try {
			List<Notification> due;
			do {
				Instant now = this.clock.instant();
				Query query = Query.query(new Criteria().orOperator(planned(now), abandoned(now)))
					.with(Sort.by("nextAttemptAt"))
					.limit(BATCH);
				query.fields().include("_id");
				due = this.mongo.find(query, Notification.class);
				due.forEach((n) -> dispatch(n.id()));
			}
			while (due.size() == BATCH);
		}
		catch (RuntimeException ex) {
			log.warn("Dispatching notifications failed, will retry: {}", ex.getMessage());
		}
	}

	/**
	 * Sends the given notifications soon, on the dispatcher's own thread.
	 * @param ids the send keys
	 */
	public void dispatchSoon(List<String> ids) {
		if (!ids.isEmpty()) {
			this.sender.execute(() -> {
				try {
					dispatch(ids);
				}
				catch (RuntimeException ex) {
					log.warn("Sending notifications failed, the poll will retry: {}", ex.getMessage());
				}
			});
		}
	}

	/**
	 * Sends the given notifications now if they are due and nobody else claimed them.
	 * @param ids the send keys
	 */
	public void dispatch(List<String> ids) {
		ids.forEach(this::dispatch);
	}

	void dispatch(String id) {
		Notification claimed = claim(id);
		if (claimed == null) {
			return;
		}
		try {
			if (claimed.mail() == null && !compose(claimed)) {
				return;
			}
			this.mail.send(claimed.recipient(), claimed.id(), claimed.mail());
		}
		catch (RuntimeException | jakarta.mail.MessagingException ex) {
			log.warn("Sending notification {} failed: {}", id, ex.getMessage());
			this.outbox.save(claimed, claimed.failed(ex.getMessage(), this.clock.instant(), this.maxAttempts));
			return;
		}
		// outside the try: once the SMTP server took the mail, it must never be retried
		this.outbox.save(claimed, claimed.sent(this.clock.instant()));
	}

	private boolean compose(Notification claimed) {
		for (MailComposer composer : this.composers) {
			var rendered = composer.compose(claimed);
			if (rendered.isPresent()) {
				claimed.rendered(rendered.get());
				return true;
			}
		}
		claimed.cancelled("No longer applies");
		this.outbox.save(claimed, List.of());
		return false;
	}

	private Notification claim(String id) {
		Instant now = this.clock.instant();
		Update sending = new Update().set(Notification.STATUS, NotificationStatus.SENDING)
			.set(Notification.CLAIMED_UNTIL, now.plus(this.claimLease))
			.inc("lockVersion", 1);
		Notification claimed = claim(Criteria.where("_id").is(id).andOperator(planned(now)), sending);
		if (claimed != null) {
			return claimed;
		}
		sending.inc("attempts", 1).set("lastError", "The previous attempt was cut off before it was recorded");
		return claim(Criteria.where("_id").is(id).andOperator(abandoned(now)), sending);
	}

	private Notification claim(Criteria which, Update sending) {
		return this.mongo.findAndModify(Query.query(which), sending, FindAndModifyOptions.options().returnNew(true),
				Notification.class);
	}

	@Override
	public void close() {
		this.sender.shutdown();
	}

	private static Criteria planned(Instant now) {
		return Criteria.where(Notification.STATUS).is(NotificationStatus.PLANNED).and("nextAttemptAt").lte(now);
	}

	private static Criteria abandoned(Instant now) {
		return Criteria.where(Notification.STATUS)
			.is(NotificationStatus.SENDING)
			.and(Notification.CLAIMED_UNTIL)
			.lt(now);
	}

}
