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

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One e-mail to one recipient, kept in the ledger. Its id is the send key (what, for
 * which occasion, to whom): inserting it claims the send, so a redelivered event or a
 * second instance never plans or sends it twice.
 */
@Document("notifications")
public class Notification extends OutboxDocument {

	static final String STATUS = "status";

	@Id
	private final String id;

	@Indexed
	private final String agreementId;

	private final String recipient;

	private final RenderedMail mail;

	private final String contentHash;

	private final Instant plannedAt;

	private NotificationStatus status;

	private int attempts;

	private Instant nextAttemptAt;

	private String lastError;

	private Instant sentAt;

	private boolean late;

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

	static Notification plan(String key, String agreementId, String recipient, RenderedMail mail, Instant now) {
		Notification notification = new Notification(key, agreementId, recipient, mail, mail.contentHash(), now);
		notification.status = NotificationStatus.PLANNED;
		notification.nextAttemptAt = now;
		notification.version = 1;
		return notification;
	}

	DomainEvent sent(Instant now) {
		this.status = NotificationStatus.SENT;
		this.attempts++;
		this.sentAt = now;
		this.lastError = null;
		this.version++;
		return new NotificationSent(UUID.randomUUID().toString(), now, this.id, this.version, this.agreementId,
				this.mail.template(), this.recipient, this.mail.language(), this.late);
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
					this.agreementId, this.mail.template(), this.recipient, this.attempts, error));
		}
		this.status = NotificationStatus.PLANNED;
		this.nextAttemptAt = now.plus(Duration.ofSeconds(5L << Math.min(this.attempts, 8)));
		return List.of();
	}

	public String id() {
		return this.id;
	}

	String agreementId() {
		return this.agreementId;
	}

	String recipient() {
		return this.recipient;
	}

	RenderedMail mail() {
		return this.mail;
	}

	String contentHash() {
		return this.contentHash;
	}

	Instant plannedAt() {
		return this.plannedAt;
	}

	NotificationStatus status() {
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

}
