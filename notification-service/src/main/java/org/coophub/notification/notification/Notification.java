package org.coophub.notification.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.notification.NotificationFailed;
import org.coophub.events.notification.NotificationSent;
import org.coophub.platform.outbox.OutboxDocument;
import org.coophub.platform.tracing.TraceParent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One e-mail to one recipient, kept in the ledger. Its id is the send key (what, for
 * which occasion, to whom): inserting it claims the send, so a redelivered event or a
 * second instance never plans or sends it twice.
 */
@Document("notifications")
// the ledger of one kind, by the days it is due, in the order it is due: one index walk
@CompoundIndex(name = "kind_due", def = "{'kind': 1, 'dueAt': 1, '_id': 1}")
// what the dispatcher's poll looks for: mail due, and claims whose lease ran out
@CompoundIndex(name = "status_next_attempt", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "status_claimed_until", def = "{'status': 1, 'claimedUntil': 1}")
public class Notification extends OutboxDocument {

	static final String STATUS = "status";

	static final String CLAIMED_UNTIL = "claimedUntil";

	/**
	 * How long after its moment a notification still counts as on time.
	 */
	static final Duration LATE_AFTER = Duration.ofHours(1);

	@Id
	private final String id;

	@Indexed
	private final String agreementId;

	private final String recipient;

	/**
	 * What the notification is about, stored as {@code review-reminder},
	 * {@code activity-recorded} and so on.
	 */
	@Indexed
	private NotificationKind kind;

	/**
	 * Rendered when planned (activity notices) or, for review reminders, when sent, so
	 * the digest they carry is as fresh as the moment they go out.
	 */
	private RenderedMail mail;

	private String contentHash;

	/**
	 * The moment the notification should go out; sent more than an hour after it, it is
	 * marked late. Indexed: the ledger of every kind is filtered by the days it is due.
	 */
	@Indexed
	private Instant dueAt;

	private Reminder reminder;

	private final Instant plannedAt;

	private NotificationStatus status;

	private int attempts;

	private Instant nextAttemptAt;

	/**
	 * Until when the instance that claimed it for sending holds the claim.
	 */
	private Instant claimedUntil;

	private String lastError;

	private Instant sentAt;

	private boolean late;

	/**
	 * Why a SUPPRESSED notice was not sent, in the words the ledger shows.
	 */
	private String reason;

	/**
	 * The W3C trace context of the work that planned it (the handling of an activity's
	 * event, of a review's schedule): the mail and its notification.sent event continue
	 * that trace, and the ledger shows its trace id (docs/operations.md, "Tracing").
	 */
	private String traceparent;

	@PersistenceCreator
	Notification(String id, String agreementId, String recipient, RenderedMail mail, String contentHash,
			Instant plannedAt) {
		this.id = id;
		this.agreementId = agreementId;
		this.recipient = recipient;
		this.mail = mail;
		this.contentHash = contentHash;
		this.plannedAt = plannedAt;
	}

	/**
	 * A notification rendered now, to go out at once.
	 * @param kind what it is about
	 * @param key the send key
	 * @param agreementId the agreement it concerns
	 * @param recipient the e-mail address
	 * @param mail the rendered mail
	 * @param now the current instant
	 * @return the planned notification
	 */
	public static Notification plan(NotificationKind kind, String key, String agreementId, String recipient,
			RenderedMail mail, Instant now) {
		Notification notification = new Notification(key, agreementId, recipient, mail, mail.contentHash(), now);
		notification.kind = kind;
		notification.status = NotificationStatus.PLANNED;
		notification.nextAttemptAt = now;
		notification.dueAt = now;
		notification.version = 1;
		notification.traceparent = TraceParent.current().orElse(null);
		return notification;
	}

	/**
	 * A notice rendered as it would have gone out, kept but never sent: nothing
	 * dispatches a SUPPRESSED entry.
	 * @param kind what it is about
	 * @param key the send key the mail would have had
	 * @param agreementId the agreement it concerns
	 * @param recipient the e-mail address
	 * @param mail the mail as it would have been sent
	 * @param reason why it is not sent
	 * @param now the current instant
	 * @return the suppressed notice
	 */
	public static Notification suppressed(NotificationKind kind, String key, String agreementId, String recipient,
			RenderedMail mail, String reason, Instant now) {
		Notification notification = new Notification(key, agreementId, recipient, mail, mail.contentHash(), now);
		notification.kind = kind;
		notification.status = NotificationStatus.SUPPRESSED;
		notification.reason = reason;
		notification.dueAt = now;
		notification.version = 1;
		notification.traceparent = TraceParent.current().orElse(null);
		return notification;
	}

	/**
	 * A review reminder to go out at {@code dueAt}, rendered when it is sent.
	 * @param key the send key
	 * @param agreementId the agreement
	 * @param recipient the e-mail address
	 * @param reminder what the reminder is about
	 * @param dueAt when it should go out
	 * @param now the current instant
	 * @return the planned reminder
	 */
	public static Notification remind(String key, String agreementId, String recipient, Reminder reminder,
			Instant dueAt, Instant now) {
		Notification notification = new Notification(key, agreementId, recipient, null, null, now);
		notification.kind = NotificationKind.REVIEW_REMINDER;
		notification.reminder = reminder;
		notification.status = NotificationStatus.PLANNED;
		notification.nextAttemptAt = dueAt;
		notification.dueAt = dueAt;
		notification.version = 1;
		notification.traceparent = TraceParent.current().orElse(null);
		return notification;
	}

	/**
	 * Claims a notification about to be planned for the instance that will send it, as
	 * the dispatcher's claim would (SENDING until the lease runs out): inserted this way,
	 * it needs no claim of its own, and another instance's poll still takes it over once
	 * the lease ran out unsent.
	 * @param until the end of the lease
	 */
	void claim(Instant until) {
		this.status = NotificationStatus.SENDING;
		this.claimedUntil = until;
	}

	Instant claimedUntil() {
		return this.claimedUntil;
	}

	void rendered(RenderedMail rendered) {
		this.mail = rendered;
		this.contentHash = rendered.contentHash();
	}

	void cancelled(String reason) {
		this.status = NotificationStatus.CANCELLED;
		this.lastError = reason;
		this.version++;
	}

	DomainEvent sent(Instant now) {
		this.status = NotificationStatus.SENT;
		this.attempts++;
		this.sentAt = now;
		this.late = this.dueAt != null && now.isAfter(this.dueAt.plus(LATE_AFTER));
		this.lastError = null;
		this.version++;
		return new NotificationSent(UUID.randomUUID().toString(), now, this.id, this.version, this.agreementId,
				template(), this.recipient, this.mail.language(), this.late);
	}

	/**
	 * Records a failed attempt: tried again later with a growing pause, or given up.
	 * @param error what went wrong
	 * @param now the current instant
	 * @param maxAttempts attempts before giving up
	 * @return the failure event once given up, else an empty list
	 */
	List<DomainEvent> failed(String error, Instant now, int maxAttempts) {
		this.attempts++;
		this.lastError = error;
		this.version++;
		if (this.attempts >= maxAttempts) {
			this.status = NotificationStatus.FAILED;
			return List.of(new NotificationFailed(UUID.randomUUID().toString(), now, this.id, this.version,
					this.agreementId, template(), this.recipient, this.attempts, error));
		}
		this.status = NotificationStatus.PLANNED;
		this.nextAttemptAt = now.plus(Duration.ofSeconds(5L << Math.min(this.attempts, 8)));
		return List.of();
	}

	public String id() {
		return this.id;
	}

	public String agreementId() {
		return this.agreementId;
	}

	public String recipient() {
		return this.recipient;
	}

	public NotificationKind kind() {
		return this.kind;
	}

	public Reminder reminder() {
		return this.reminder;
	}

	public Instant dueAt() {
		return this.dueAt;
	}

	RenderedMail mail() {
		return this.mail;
	}

	String template() {
		return (this.mail != null) ? this.mail.template() : this.kind.value();
	}

	String language() {
		if (this.mail != null) {
			return this.mail.language();
		}
		return (this.reminder != null) ? this.reminder.language() : null;
	}

	String contentHash() {
		return this.contentHash;
	}

	Instant plannedAt() {
		return this.plannedAt;
	}

	public NotificationStatus status() {
		return this.status;
	}

	int attempts() {
		return this.attempts;
	}

	String lastError() {
		return this.lastError;
	}

	Instant sentAt() {
		return this.sentAt;
	}

	boolean late() {
		return this.late;
	}

	String reason() {
		return this.reason;
	}

	String traceparent() {
		return this.traceparent;
	}

	/** The trace id the logs of its planning and sending show, null if untraced. */
	String traceId() {
		return TraceParent.traceIdOf(this.traceparent).orElse(null);
	}

}
