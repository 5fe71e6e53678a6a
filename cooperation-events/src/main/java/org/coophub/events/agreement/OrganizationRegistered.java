package org.coophub.events.agreement;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

@EventType(value = "org.coophub.organization.registered.v1", topic = Topics.AGREEMENT_EVENTS)
public record OrganizationRegistered(String eventId, Instant occurredAt, String organizationId, long version,
		OrganizationState organization) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.organizationId;
	}

}
