package org.coophub.events.notification;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

@EventType(value = "org.coophub.notification.failed.v1", topic = Topics.NOTIFICATION_EVENTS)
public record NotificationFailed(String eventId, Instant occurredAt, String notificationId, long version,
		String agreementId, String template, String recipient, int attempts, String lastError) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.notificationId;
	}

	@Override
	public String partitionKey() {
		return this.agreementId;
	}

}
