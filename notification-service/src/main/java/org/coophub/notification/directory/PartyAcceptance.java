package org.coophub.notification.directory;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a party last accepted an agreement, as its {@code party-accepted} event says: what
 * was due before then is never mailed to its contacts (no retroactive reminders or
 * notices). Kept apart from {@link KnownAgreement}, which every agreement event replaces
 * whole.
 *
 * @param id {@code <agreementId>:<organizationId>}
 * @param acceptedAt the {@code occurredAt} of its latest acceptance
 */
@Document("party_acceptances")
record PartyAcceptance(@Id String id, @Indexed String agreementId, String organizationId, Instant acceptedAt) {

	static String id(String agreementId, String organizationId) {
		return agreementId + ":" + organizationId;
	}

}
