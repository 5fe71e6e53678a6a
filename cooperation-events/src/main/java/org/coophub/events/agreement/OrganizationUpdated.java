package org.coophub.events.agreement;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * An organization's details changed, or it was deactivated ({@code organization.active}
 * false): organizations are never deleted, since agreements keep naming them.
 */
@EventType(value = "org.coophub.organization.updated.v1", topic = Topics.AGREEMENT_EVENTS)
public record OrganizationUpdated(String eventId, Instant occurredAt, String organizationId, long version,
		OrganizationState organization) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.organizationId;
	}

}
