package org.coophub.events;

import java.time.Instant;

/**
 * What every published event carries: its own id, when it happened, the aggregate it is
 * about and that aggregate's version after the change. Events carry the aggregate's full
 * new state, so consumers upsert by id and skip versions they already applied.
 */
public interface DomainEvent {

	String eventId();

	Instant occurredAt();

	/** The aggregate this event is about: CloudEvents subject. */
	String aggregateId();

	/** The Kafka key: the agreement id for agreement things, keeping them in order. */
	default String partitionKey() {
		return aggregateId();
	}

	long version();

}
