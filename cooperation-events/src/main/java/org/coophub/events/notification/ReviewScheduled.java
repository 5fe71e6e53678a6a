package org.coophub.events.notification;

import java.time.Instant;
import java.time.LocalDate;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * An annual review cycle of an agreement was planned or changed: its date, the host whose
 * turn it is and its status (DUE when its first reminder's moment came, SKIPPED or moved
 * when a party said so, CANCELLED with the agreement).
 *
 * @param sequence how often the cycle's date or host changed (the invitation's SEQUENCE);
 * absent in events written before it existed
 * @param note why, where a party skipped or moved the cycle
 * @param actor who skipped or moved it, where a person did
 */
@EventType(value = "org.coophub.review.scheduled.v1", topic = Topics.NOTIFICATION_EVENTS)
public record ReviewScheduled(String eventId, Instant occurredAt, String agreementId, long version, int year,
		LocalDate dueOn, String hostOrganizationId, ReviewCycleStatus status, Integer sequence, String note,
		String actor) implements DomainEvent {

	/**
	 * A cycle planned or changed by the schedule itself.
	 */
	public ReviewScheduled(String eventId, Instant occurredAt, String agreementId, long version, int year,
			LocalDate dueOn, String hostOrganizationId, ReviewCycleStatus status) {
		this(eventId, occurredAt, agreementId, version, year, dueOn, hostOrganizationId, status, null, null, null);
	}

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
