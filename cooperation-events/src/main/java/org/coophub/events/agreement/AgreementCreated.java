package org.coophub.events.agreement;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

@EventType(value = "org.coophub.agreement.created.v1", topic = Topics.AGREEMENT_EVENTS)
public record AgreementCreated(String eventId, Instant occurredAt, String agreementId, long version,
		AgreementState agreement) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
