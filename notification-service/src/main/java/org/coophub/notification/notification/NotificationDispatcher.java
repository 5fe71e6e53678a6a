package org.coophub.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.tracing.Span;
import jakarta.mail.internet.MimeMessage;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.tracing.Traces;
import org.coophub.platform.work.WorkLane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
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
 * <p>
 * What the consumers plan waits in memory until the {@code mail-dispatch} thread takes
 * it, {@value #SMTP_BATCH} at a time: under load many notices go out with one claim and
 * over one SMTP connection instead of one each. Nothing held in memory is lost at a
 * crash: those notices are still PLANNED in the ledger, and the poll
 * ({@code coophub.mail.dispatch-interval}) of any instance sends them.
 * <p>
 * A notice that goes out at once ({@link #planAndSendSoon}) is inserted already claimed
 * by this instance, and handed over as inserted: it costs no claim of its own. One that
 * waited in memory past half its lease has its claim renewed before it is sent, unless
 * another instance took it over meanwhile. Should this instance die, the poll of any
 * instance takes it over once the lease ran out, as it takes over a claim cut off
 * mid-send.
 */
@Component
class NotificationDispatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	static final int BATCH = 100;

	/**
	 * Mails sent over one SMTP connection: the connection's set-up and QUIT cost as much
	 * as a mail; twenty claims are held for well under a second (the lease is a minute).
	 */
	static final int SMTP_BATCH = 20;

	/**
	 * The field of a ledger entry naming the claim that last won it: what one
	 * {@code updateMulti} claimed is read back by it. Only the claim writes it; saving
	 * the outcome replaces the entry without it.
	 */
	static final String CLAIM = "claim";

	/** The field of the optimistic lock's version, raised by every claim and save. */
	static final String LOCK_VERSION = "lockVersion";

	private final MongoTemplate mongo;

	/** The ledger's bulk insert, over the same store (the ledger keeps no state). */
	private final NotificationLedger ledger;

	private final SmtpMailer mail;

	private final OutboxWriter outbox;

	private final Clock clock;

	private final int maxAttempts;

	private final Duration claimLease;

	private final List<MailComposer> composers;

	private final MailMetrics metrics;

	private final Traces traces;

	/**
	 * Sends what the consumers planned, {@value #SMTP_BATCH} at a time, so that SMTP
	 * round trips do not hold up their partitions. What it holds at a crash is PLANNED in
	 * the ledger, and the poll sends it; after a failure of the store it drops what waits
	 * (each further batch would only wait for its timeout), and the poll sends all of it
	 * once the store is back.
	 */
	private final WorkLane<Queued> sender = new WorkLane<>("mail-dispatch", SMTP_BATCH, this::sendQueued,
			(batch, failure, waiting) -> log.warn("Sending notifications failed, the poll will retry: {}",
					failure.getMessage()));

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
		this.ledger = new NotificationLedger(mongo);
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
			boolean more;
			do {
				Instant now = this.clock.instant();
				List<Due> planned = due(planned(now), "nextAttemptAt", false);
				List<Due> abandoned = due(abandoned(now), Notification.CLAIMED_UNTIL, true);
				List<Due> due = new ArrayList<>(planned);
				due.addAll(abandoned);
				send(due);
				more = planned.size() == BATCH || abandoned.size() == BATCH;
			}
			while (more);
		}
		catch (RuntimeException ex) {
			log.warn("Dispatching notifications failed, will retry: {}", ex.getMessage());
		}
	}

	/**
	 * The first {@value #BATCH} notifications a condition finds, each read through its
	 * own index ({@link Notification}): one query with {@code $or} would be a scan of the
	 * whole ledger every poll on the embedded MongoDB-wire server, which does not combine
	 * indexes, and the ledger grows by every mail ever sent.
	 */
	private List<Due> due(Criteria which, String order, boolean abandoned) {
		Query query = Query.query(which).with(Sort.by(order)).limit(BATCH);
		query.fields().include("_id");
		return this.mongo.find(query, Notification.class).stream().map((n) -> new Due(n.id(), abandoned)).toList();
	}

	/**
	 * Sends the given notifications soon, on the dispatcher's own thread, together with
	 * whatever else waits for it.
	 * @param ids the send keys
	 */
	public void dispatchSoon(List<String> ids) {
		this.sender.offer(ids.stream().map((id) -> new Queued(id, null)).toList());
	}

	/**
	 * Plans a notice to go out at once, claimed by this instance from the start, and
	 * sends it soon, on the dispatcher's own thread: one insert instead of an insert and
	 * a claim. The send key makes it idempotent: a notice that exists already (a
	 * redelivered event) is neither planned nor sent again.
	 * @param notice the notice, planned now
	 * @return whether it was new
	 */
	public boolean planAndSendSoon(Notification notice) {
		notice.claim(this.clock.instant().plus(this.claimLease));
		Notification inserted;
		try {
			inserted = this.mongo.insert(notice);
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		// as inserted, with the optimistic lock's version the outcome's save expects
		this.sender.offer(List.of(new Queued(inserted.id(), inserted)));
		return true;
	}

	/**
	 * Plans many notices to go out at once as {@link #planAndSendSoon} plans one, with
	 * one unordered bulk insert for all: those that existed already (a redelivered event)
	 * are neither planned nor sent again, the others are sent soon as inserted.
	 * @param notices the notices, planned now, each send key once
	 * @return how many were new
	 */
	public int planAllAndSendSoon(List<Notification> notices) {
		Instant until = this.clock.instant().plus(this.claimLease);
		notices.forEach((notice) -> notice.claim(until));
		List<Notification> inserted = this.ledger.planAllAsInserted(notices);
		if (!inserted.isEmpty()) {
			this.sender.offer(inserted.stream().map((notice) -> new Queued(notice.id(), notice)).toList());
		}
		return inserted.size();
	}

	/**
	 * Sends what the lane took: the notices it holds claimed as inserted, as held while
	 * at least half their lease is left, else once their claim is renewed; the others
	 * claimed first. All the held ones go out over one SMTP connection.
	 */
	private void sendQueued(List<Queued> queued) {
		Instant halfLeaseAhead = this.clock.instant().plus(this.claimLease.dividedBy(2));
		List<Notification> held = new ArrayList<>(queued.size());
		List<Notification> stale = new ArrayList<>();
		for (Queued next : queued) {
			if (next.held() != null) {
				(next.held().claimedUntil().isAfter(halfLeaseAhead) ? held : stale).add(next.held());
			}
		}
		RuntimeException stopped = null;
		try {
			held.addAll(renew(stale));
		}
		catch (RuntimeException ex) {
			// the store failed: the fresh ones still go out, the stale ones are
			// the poll's once their lease ran out
			stopped = ex;
		}
		deliver(held, stopped);
		send(queued.stream().filter((q) -> q.held() == null).map((q) -> new Due(q.id(), false)).toList());
	}

	/**
	 * Renews the claim of held notices that waited past half their lease, so that no
	 * other instance's poll takes one over while this one sends it. Only an entry still
	 * as this instance inserted it is renewed: SENDING with the optimistic lock's version
	 * the held notice carries. An instance that took one over (its lease ran out) raised
	 * that version with its claim, so this one neither renews nor sends it. No attempt is
	 * counted: the mail was never tried.
	 * @return the renewed entries as read back, with the version the outcome's save
	 * expects
	 */
	private List<Notification> renew(List<Notification> stale) {
		if (stale.isEmpty()) {
			return List.of();
		}
		// inserted notices share one version (0); grouped should that ever differ
		Map<Long, List<String>> idsByVersion = new LinkedHashMap<>();
		for (Notification notice : stale) {
			idsByVersion.computeIfAbsent(lockVersion(notice), (version) -> new ArrayList<>()).add(notice.id());
		}
		Instant now = this.clock.instant();
		List<Notification> renewed = new ArrayList<>(stale.size());
		idsByVersion.forEach((version, ids) -> renewed.addAll(claim(ids, unchanged(version), sending(now))));
		return renewed;
	}

	/**
	 * The optimistic lock's version a notice carries, read through the mapping as the
	 * ledger sets it (the base document keeps it to itself).
	 */
	private Long lockVersion(Notification notice) {
		MongoPersistentEntity<?> entity = this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(Notification.class);
		return (Long) entity.getPropertyAccessor(notice).getProperty(entity.getRequiredVersionProperty());
	}

	/**
	 * Sends the given notifications now if they are due and nobody else claimed them.
	 * @param ids the send keys
	 */
	public void dispatch(List<String> ids) {
		send(ids.stream().map((id) -> new Due(id, false)).toList());
	}

	void dispatch(String id) {
		dispatch(List.of(id));
	}

	/**
	 * Claims, composes and sends the notifications {@value #SMTP_BATCH} at a time, each
	 * batch claimed together and sent over one SMTP connection, then records each one's
	 * outcome.
	 */
	private void send(List<Due> due) {
		for (int from = 0; from < due.size(); from += SMTP_BATCH) {
			List<Due> batch = due.subList(from, Math.min(due.size(), from + SMTP_BATCH));
			List<Notification> won = new ArrayList<>(batch.size());
			RuntimeException stopped = null;
			try {
				won.addAll(claimPlanned(batch.stream().filter((d) -> !d.abandoned()).map(Due::id).toList()));
				won.addAll(claimAbandoned(batch.stream().filter(Due::abandoned).map(Due::id).toList()));
			}
			catch (RuntimeException ex) {
				// the store failed: what this batch already claimed is still sent and
				// recorded, not left to its lease
				stopped = ex;
			}
			deliver(won, stopped);
		}
	}

	/**
	 * Composes the claimed notifications, sends them over one SMTP connection and records
	 * each one's outcome; then throws what stopped the claims or a record, if anything
	 * did.
	 */
	private void deliver(List<Notification> won, RuntimeException stoppedBefore) {
		RuntimeException stopped = stoppedBefore;
		List<Notification> claimed = new ArrayList<>(won.size());
		List<MimeMessage> messages = new ArrayList<>(won.size());
		for (Notification next : won) {
			try {
				MimeMessage message = this.traces.call(next.traceparent(), "compose notification", Span.Kind.CLIENT,
						() -> message(next));
				if (message != null) {
					claimed.add(next);
					messages.add(message);
				}
			}
			catch (RuntimeException ex) {
				// recording a failed composition failed: the others still go out
				stopped = ex;
			}
		}
		if (!messages.isEmpty()) {
			List<Exception> outcomes = this.mail.sendAll(messages);
			for (int i = 0; i < claimed.size(); i++) {
				Notification sent = claimed.get(i);
				Exception failure = outcomes.get(i);
				this.traces.run(sent.traceparent(), "send notification", Span.Kind.CLIENT, () -> record(sent, failure));
			}
		}
		if (stopped != null) {
			throw stopped;
		}
	}

	/**
	 * The mail of a claimed notification, in a span of the trace that planned it so that
	 * the mail names that trace; null when it no longer applies (cancelled) or cannot be
	 * built (recorded as a failed attempt).
	 */
	private MimeMessage message(Notification claimed) {
		try {
			if (claimed.mail() == null && !compose(claimed)) {
				return null;
			}
			return this.mail.message(claimed.recipient(), claimed.id(), claimed.mail());
		}
		catch (RuntimeException | jakarta.mail.MessagingException ex) {
			failed(claimed, ex);
			return null;
		}
	}

	/**
	 * Records what the SMTP server said, in a span of the trace that planned the
	 * notification, so the log lines and the notification.sent event carry its trace id.
	 * A mail the server accepted is never retried.
	 */
	private void record(Notification claimed, Exception failure) {
		if (failure != null) {
			failed(claimed, failure);
			return;
		}
		this.outbox.save(claimed, claimed.sent(this.clock.instant()));
		this.metrics.sent(claimed);
	}

	private void failed(Notification claimed, Exception ex) {
		// the send key names the recipient's address, and SMTP errors may quote it: no
		// personal data in the log, only the mail's Message-ID and the kind of failure
		// (the ledger keeps the rest)
		log.warn("Sending {} notification {} of agreement {} failed: {}", claimed.kind().value(),
				SmtpMailer.messageId(claimed.id()), claimed.agreementId(), ex.getClass().getSimpleName());
		this.outbox.save(claimed, claimed.failed(ex.getMessage(), this.clock.instant(), this.maxAttempts));
		if (claimed.status() == NotificationStatus.FAILED) {
			this.metrics.failed(claimed);
		}
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

	private List<Notification> claimPlanned(List<String> ids) {
		Instant now = this.clock.instant();
		return claim(ids, planned(now), sending(now));
	}

	private List<Notification> claimAbandoned(List<String> ids) {
		Instant now = this.clock.instant();
		Update sending = sending(now).inc("attempts", 1)
			.set("lastError", "The previous attempt was cut off before it was recorded");
		return claim(ids, abandoned(now), sending);
	}

	private Update sending(Instant now) {
		return new Update().set(Notification.STATUS, NotificationStatus.SENDING)
			.set(Notification.CLAIMED_UNTIL, now.plus(this.claimLease))
			.inc(LOCK_VERSION, 1);
	}

	/**
	 * Claims those of the notifications that are still due. One alone costs one
	 * {@code findAndModify}; more cost one {@code updateMulti}, which marks each one it
	 * wins with a fresh claim token, and one {@code find} of what carries that token. An
	 * entry the update of one instance matched is no longer due for another's, so two
	 * racing instances never both win it. Both return the entries as updated, with the
	 * optimistic lock's version the outcome's save expects.
	 */
	private List<Notification> claim(List<String> ids, Criteria due, Update sending) {
		if (ids.isEmpty()) {
			return List.of();
		}
		if (ids.size() == 1) {
			Notification won = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(ids.get(0)).andOperator(due)), sending,
					FindAndModifyOptions.options().returnNew(true), Notification.class);
			return (won != null) ? List.of(won) : List.of();
		}
		String claim = UUID.randomUUID().toString();
		long matched = this.mongo
			.updateMulti(Query.query(Criteria.where("_id").in(ids).andOperator(due)), sending.set(CLAIM, claim),
					Notification.class)
			.getMatchedCount();
		if (matched == 0) {
			return List.of();
		}
		// by the ids too: the token alone has no index
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids).and(CLAIM).is(claim)), Notification.class);
	}

	/**
	 * A notification found due, and whether it was found SENDING with its lease run out.
	 */
	private record Due(String id, boolean abandoned) {

	}

	/**
	 * A notification handed to the lane: its send key, and the notice itself when this
	 * instance inserted it claimed, else null.
	 */
	private record Queued(String id, Notification held) {

	}

	@Override
	public void close() {
		this.sender.close();
	}

	private static Criteria planned(Instant now) {
		return Criteria.where(Notification.STATUS).is(NotificationStatus.PLANNED).and("nextAttemptAt").lte(now);
	}

	/** Claimed, and unchanged since: nobody took it over or recorded it. */
	private static Criteria unchanged(Long lockVersion) {
		return Criteria.where(Notification.STATUS).is(NotificationStatus.SENDING).and(LOCK_VERSION).is(lockVersion);
	}

	private static Criteria abandoned(Instant now) {
		return Criteria.where(Notification.STATUS)
			.is(NotificationStatus.SENDING)
			.and(Notification.CLAIMED_UNTIL)
			.lt(now);
	}

}
