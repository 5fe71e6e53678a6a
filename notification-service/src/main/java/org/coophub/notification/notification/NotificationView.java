package org.coophub.notification.notification;

import java.time.Instant;

record NotificationView(String id, String agreementId, String recipient, String template, int templateVersion,
		String language, String subject, String contentHash, NotificationStatus status, int attempts, String lastError,
		boolean late, Instant plannedAt, Instant sentAt) {

	static NotificationView of(Notification n) {
		return new NotificationView(n.id(), n.agreementId(), n.recipient(), n.mail().template(),
				n.mail().templateVersion(), n.mail().language(), n.mail().subject(), n.contentHash(), n.status(),
				n.attempts(), n.lastError(), n.late(), n.plannedAt(), n.sentAt());
	}

}
