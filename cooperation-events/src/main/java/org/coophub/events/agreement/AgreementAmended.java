package org.coophub.events.agreement;

import java.time.Instant;
import java.time.LocalDate;
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
 * @param effectiveOn the day the amendment takes effect, in the agreement's time zone;
 * absent in events written before it existed (read it as the day of {@code occurredAt})
 */
@EventType(value = "org.coophub.agreement.amended.v1", topic = Topics.AGREEMENT_EVENTS)
public record AgreementAmended(String eventId, Instant occurredAt, String agreementId, long version,
		AgreementState agreement, List<String> changedFields, String note, String actor,
		LocalDate effectiveOn) implements DomainEvent {

	/**
	 * An amendment effective the day it was made.
	 */
	public AgreementAmended(String eventId, Instant occurredAt, String agreementId, long version,
			AgreementState agreement, List<String> changedFields, String note, String actor) {
		this(eventId, occurredAt, agreementId, version, agreement, changedFields, note, actor, null);
	}

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
