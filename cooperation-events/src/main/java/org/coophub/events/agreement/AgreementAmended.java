package org.coophub.events.agreement;

import java.time.Instant;
import java.util.List;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * The terms of an agreement were changed.
 *
 * @param changedFields the names of the terms that changed, e.g. {@code endsOn}
 * @param note why, as the person who amended it wrote it
 * @param actor who amended it
 */
@EventType(value = "org.coophub.agreement.amended.v1", topic = Topics.AGREEMENT_EVENTS)
public record AgreementAmended(String eventId, Instant occurredAt, String agreementId, long version,
		AgreementState agreement, List<String> changedFields, String note, String actor) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
