package org.coophub.events.notification;

import java.time.Instant;
import java.time.LocalDate;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * An annual review was recorded as held: the cycle of {@code year} is closed and the
 * rotation moved on to {@code nextHostOrganizationId}.
 */
@EventType(value = "org.coophub.review.held.v1", topic = Topics.NOTIFICATION_EVENTS)
public record ReviewHeld(String eventId, Instant occurredAt, String agreementId, long version, int year,
		LocalDate dueOn, LocalDate heldOn, String hostOrganizationId, String activityId,
		String nextHostOrganizationId) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
