package org.coophub.events.agreement;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * A commitment was added to an agreement; {@code agreement} is the agreement's full new
 * state, the commitment included.
 */
@EventType(value = "org.coophub.commitment.added.v1", topic = Topics.AGREEMENT_EVENTS)
public record CommitmentAdded(String eventId, Instant occurredAt, String agreementId, long version, String commitmentId,
		AgreementState agreement) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
