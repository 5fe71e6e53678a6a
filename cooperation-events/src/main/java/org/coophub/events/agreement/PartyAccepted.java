package org.coophub.events.agreement;

import java.time.Instant;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * An organization named in an agreement accepted to be a party of it.
 *
 * @param agreement the agreement after the answer, its parties' consent included
 * @param organizationId the party that answered
 * @param note why, as the person who answered wrote it (may be absent)
 * @param actor who answered: an EDITOR of that organization or an ADMIN
 */
@EventType(value = "org.coophub.agreement.party-accepted.v1", topic = Topics.AGREEMENT_EVENTS)
public record PartyAccepted(String eventId, Instant occurredAt, String agreementId, long version,
		AgreementState agreement, String organizationId, String note, String actor) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
