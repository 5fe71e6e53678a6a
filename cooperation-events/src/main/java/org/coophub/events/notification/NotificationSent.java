package org.coophub.events.notification;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

@EventType(value = "org.coophub.notification.sent.v1", topic = Topics.NOTIFICATION_EVENTS)
public record NotificationSent(String eventId, Instant occurredAt, String notificationId, long version,
		String agreementId, String template, String recipient, String language, boolean late) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.notificationId;
	}

	@Override
	public String partitionKey() {
		return this.agreementId;
	}

}
