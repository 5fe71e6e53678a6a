package org.coophub.events.agreement;

import java.time.Instant;
import java.time.LocalDate;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * A commitment was added to an agreement; {@code agreement} is the agreement's full new
 * state, the commitment included.
 *
 * @param effectiveOn the day the commitment takes effect (its {@code since}); absent in
 * events written before it existed
 */
@EventType(value = "org.coophub.commitment.added.v1", topic = Topics.AGREEMENT_EVENTS)
public record CommitmentAdded(String eventId, Instant occurredAt, String agreementId, long version, String commitmentId,
		AgreementState agreement, LocalDate effectiveOn) implements DomainEvent {

	/**
	 * A commitment effective the day it was added.
	 */
	public CommitmentAdded(String eventId, Instant occurredAt, String agreementId, long version, String commitmentId,
			AgreementState agreement) {
		this(eventId, occurredAt, agreementId, version, commitmentId, agreement, null);
	}

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
