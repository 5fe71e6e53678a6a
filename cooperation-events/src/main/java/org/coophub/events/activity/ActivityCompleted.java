package org.coophub.events.activity;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

@EventType(value = "org.coophub.activity.completed.v1", topic = Topics.ACTIVITY_EVENTS)
public record ActivityCompleted(String eventId, Instant occurredAt, String activityId, long version,
		ActivityState activity) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.activityId;
	}

	@Override
	public String partitionKey() {
		return this.activity.agreementId();
	}

}
