package org.coophub.reporting.calendar;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * A calendar subscription (a secret URL), stored in {@code calendar_feeds} with only the
 * SHA-256 of its secret: whoever reads the store cannot rebuild a URL.
 *
 * @param id the feed
 * @param secretHash the SHA-256 of the secret, hex
 * @param organizationId the organization whose calendar it gives, or null
 * @param agreementId the agreement whose calendar it gives, or null
 * @param owner who created it (the token's subject)
 * @param ownerOrganizationCode their organization's code, or null
 * @param createdAt when it was created
 */
record CalendarFeed(@Id String id, String secretHash, String organizationId, String agreementId, String owner,
		String ownerOrganizationCode, Instant createdAt) {

	static final String COLLECTION = "calendar_feeds";

	CalendarScope scope() {
		return new CalendarScope(this.organizationId, this.agreementId);
	}

}
