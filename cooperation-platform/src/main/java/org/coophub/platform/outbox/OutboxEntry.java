package org.coophub.platform.outbox;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventTypes;

/**
 * An event waiting in its aggregate's document until Kafka has acknowledged it. The
 * payload is the event's JSON, so the relay needs no knowledge of event classes.
 */
public record OutboxEntry(String eventId, String type, String topic, String key, String subject, Instant occurredAt,
		String payload) {

	public static OutboxEntry of(DomainEvent event, String json) {
		return new OutboxEntry(event.eventId(), EventTypes.typeOf(event.getClass()),
				EventTypes.topicOf(event.getClass()), event.partitionKey(), event.aggregateId(), event.occurredAt(),
				json);
	}

}
