package org.coophub.events.agreement;

import java.time.Instant;
import java.time.LocalDate;

import org.coophub.events.DomainEvent;
import org.coophub.events.EventType;
import org.coophub.events.Topics;

/**
 * An agreement's lifecycle status changed (activated, suspended, resumed, terminated,
 * expired, renewed).
 *
 * @param effectiveOn the day the change takes effect, in the agreement's time zone;
 * absent in events written before it existed (read it as the day of {@code occurredAt})
 */
@EventType(value = "org.coophub.agreement.status-changed.v1", topic = Topics.AGREEMENT_EVENTS)
public record AgreementStatusChanged(String eventId, Instant occurredAt, String agreementId, long version,
		AgreementState agreement, LocalDate effectiveOn) implements DomainEvent {

	/**
	 * A change effective the day it was made.
	 */
	public AgreementStatusChanged(String eventId, Instant occurredAt, String agreementId, long version,
			AgreementState agreement) {
		this(eventId, occurredAt, agreementId, version, agreement, null);
	}

	@Override
	public String aggregateId() {
		return this.agreementId;
	}

}
