package org.coophub.events.activity;

import java.time.Instant;
import java.time.LocalDateTime;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * The activity moved; the dates it had before travel with it.
 */
@EventType(value = "org.coophub.activity.rescheduled.v1", topic = Topics.ACTIVITY_EVENTS)
public record ActivityRescheduled(String eventId, Instant occurredAt, String activityId, long version,
		LocalDateTime previousStartsAt, LocalDateTime previousEndsAt, ActivityState activity) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.activityId;
	}

	@Override
	public String partitionKey() {
		return this.activity.agreementId();
	}

}
