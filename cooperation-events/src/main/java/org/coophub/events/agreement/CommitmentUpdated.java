package org.coophub.events.agreement;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * A commitment of an agreement changed (its status, target, due date...);
 * {@code agreement} is the agreement's full new state.
 */
@EventType(value = "org.coophub.commitment.updated.v1", topic = Topics.AGREEMENT_EVENTS)
public record CommitmentUpdated(String eventId, Instant occurredAt, String agreementId, long version,
		String commitmentId, AgreementState agreement) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
