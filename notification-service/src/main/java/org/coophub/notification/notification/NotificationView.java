package org.coophub.notification.notification;

import java.time.Instant;

/**
 * A ledger entry as the API shows it; template, subject and hash are absent until a
 * reminder is rendered, when it is sent. {@code reason} says why a SUPPRESSED notice was
 * not sent, and is null otherwise. {@code traceId} is the trace of the work that planned
 * it (the activity's request, the event's handling), to look the mail up in the logs and
 * the tracing backend; null for entries from before tracing.
 */
public record NotificationView(String id, NotificationKind kind, String agreementId, String recipient, String template,
		Integer templateVersion, String language, String subject, String contentHash, NotificationStatus status,
		int attempts, String lastError, boolean late, Instant plannedAt, Instant dueAt, Instant sentAt,
		Reminder reminder, String reason, String traceId) {

	/**
	 * Without the recipient's address, for readers not party to the agreement: the id
	 * (the send key) names the address too.
	 */
	NotificationView withoutAddress() {
		return new NotificationView(null, this.kind, this.agreementId, null, this.template, this.templateVersion,
				this.language, this.subject, this.contentHash, this.status, this.attempts, this.lastError, this.late,
				this.plannedAt, this.dueAt, this.sentAt, this.reminder, this.reason, this.traceId);
	}

	public static NotificationView of(Notification n) {
		RenderedMail mail = n.mail();
		return new NotificationView(n.id(), n.kind(), n.agreementId(), n.recipient(), n.template(),
				(mail != null) ? mail.templateVersion() : null, n.language(), (mail != null) ? mail.subject() : null,
				n.contentHash(), n.status(), n.attempts(), n.lastError(), n.late(), n.plannedAt(), n.dueAt(),
				n.sentAt(), n.reminder(), n.reason(), n.traceId());
	}

}
