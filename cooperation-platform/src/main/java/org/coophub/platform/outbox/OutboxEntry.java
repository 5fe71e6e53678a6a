package org.coophub.platform.outbox;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventTypes;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.tracing.TraceParent;

/**
 * An event waiting in its aggregate's document until Kafka has acknowledged it. The
 * payload is the event's JSON, so the relay needs no knowledge of event classes. The
 * actor is who caused it (the signed-in user, {@code ld-editor@BQL-LD}), null for the
 * system's own work; it travels as the CloudEvents extension {@code actor}. The
 * traceparent is the W3C trace context of the work that wrote the entry (an HTTP request,
 * the handling of an event), null outside a trace; the relay publishes the entry in a
 * child span of it (docs/operations.md, "Tracing").
 */
public record OutboxEntry(String eventId, String type, String topic, String key, String subject, Instant occurredAt,
		String payload, String actor, String traceparent) {

	/** An entry outside any trace, as entries written before tracing were. */
	public OutboxEntry(String eventId, String type, String topic, String key, String subject, Instant occurredAt,
			String payload, String actor) {
		this(eventId, type, topic, key, subject, occurredAt, payload, actor, null);
	}

	public static OutboxEntry of(DomainEvent event, String json) {
		return new OutboxEntry(event.eventId(), EventTypes.typeOf(event.getClass()),
				EventTypes.topicOf(event.getClass()), event.partitionKey(), event.aggregateId(), event.occurredAt(),
				json, Actors.current().map(Actor::name).orElse(null), TraceParent.current().orElse(null));
	}

}
