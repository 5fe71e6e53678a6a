package org.coophub.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.tracing.Span;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
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

	private final MailMetrics metrics;

	private final Traces traces;

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

	/** Without tracing: the mails name no trace. */
	NotificationDispatcher(MongoTemplate mongo, SmtpMailer mail, OutboxWriter outbox, Clock clock, int maxAttempts,
			Duration claimLease, List<MailComposer> composers, MailMetrics metrics) {
		this(mongo, mail, outbox, clock, maxAttempts, claimLease, composers, metrics, Traces.NONE);
	}

	@Autowired
	NotificationDispatcher(MongoTemplate mongo, SmtpMailer mail, OutboxWriter outbox, Clock clock,
			@Value("${coophub.mail.max-attempts}") int maxAttempts,
			@Value("${coophub.mail.claim-lease}") Duration claimLease, List<MailComposer> composers,
			MailMetrics metrics, Traces traces) {
		this.mongo = mongo;
		this.claimLease = claimLease;
		this.mail = mail;
		this.outbox = outbox;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.composers = composers;
		this.metrics = metrics;
		this.traces = traces;
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
				query.fields().include("_id").include(Notification.STATUS);
				due = this.mongo.find(query, Notification.class);
				due.forEach((n) -> dispatch(n.id(), n.status() == NotificationStatus.SENDING));
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
		dispatch(id, false);
	}

	/**
	 * Sends one notification if this instance wins its claim.
	 * @param id the send key
	 * @param abandoned whether the poll found it SENDING with its lease run out (a
	 * crashed send) rather than PLANNED: only that claim is tried, so an instance that
	 * lost the race for a fresh notice spends one command on it, not two
	 */
	private void dispatch(String id, boolean abandoned) {
		Notification claimed = abandoned ? claimAbandoned(id) : claimPlanned(id);
		if (claimed != null) {
			this.traces.run(claimed.traceparent(), "send notification", Span.Kind.CLIENT, () -> send(claimed));
		}
	}

	/**
	 * Sends in a span of the trace that planned the notification, so the mail, the log
	 * lines and the notification.sent event carry its trace id.
	 */
	private void send(Notification claimed) {
		String id = claimed.id();
		try {
			if (claimed.mail() == null && !compose(claimed)) {
				return;
			}
			this.mail.send(claimed.recipient(), claimed.id(), claimed.mail());
		}
		catch (RuntimeException | jakarta.mail.MessagingException ex) {
			// the send key names the recipient's address, and SMTP errors may quote it:
			// no personal data
			// in the log, only the mail's Message-ID and the kind of failure (the ledger
			// keeps the rest)
			log.warn("Sending {} notification {} of agreement {} failed: {}", claimed.kind().value(),
					SmtpMailer.messageId(id), claimed.agreementId(), ex.getClass().getSimpleName());
			this.outbox.save(claimed, claimed.failed(ex.getMessage(), this.clock.instant(), this.maxAttempts));
			if (claimed.status() == NotificationStatus.FAILED) {
				this.metrics.failed(claimed);
			}
			return;
		}
		// outside the try: once the SMTP server took the mail, it must never be retried
		this.outbox.save(claimed, claimed.sent(this.clock.instant()));
		this.metrics.sent(claimed);
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

	private Notification claimPlanned(String id) {
		Instant now = this.clock.instant();
		return claim(Criteria.where("_id").is(id).andOperator(planned(now)), sending(now));
	}

	private Notification claimAbandoned(String id) {
		Instant now = this.clock.instant();
		Update sending = sending(now).inc("attempts", 1)
			.set("lastError", "The previous attempt was cut off before it was recorded");
		return claim(Criteria.where("_id").is(id).andOperator(abandoned(now)), sending);
	}

	private Update sending(Instant now) {
		return new Update().set(Notification.STATUS, NotificationStatus.SENDING)
			.set(Notification.CLAIMED_UNTIL, now.plus(this.claimLease))
			.inc("lockVersion", 1);
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
