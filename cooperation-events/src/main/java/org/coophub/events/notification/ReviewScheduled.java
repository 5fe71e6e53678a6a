package org.coophub.events.notification;

import java.time.Instant;
import java.time.LocalDate;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * The next annual review of an agreement was planned: its date and the host whose turn it
 * is.
 */
@EventType(value = "org.coophub.review.scheduled.v1", topic = Topics.NOTIFICATION_EVENTS)
public record ReviewScheduled(String eventId, Instant occurredAt, String agreementId, long version, int year,
		LocalDate dueOn, String hostOrganizationId, ReviewCycleStatus status) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
