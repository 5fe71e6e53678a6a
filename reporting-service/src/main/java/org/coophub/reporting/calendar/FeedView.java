package org.coophub.reporting.calendar;

import java.time.Instant;

import org.coophub.events.common.LocalizedText;

/**
 * A calendar subscription as its owner sees it. The URL (with its secret) is given once,
 * when the feed is created; the list never shows it again.
 *
 * @param id the feed
 * @param scope {@code ORGANIZATION} or {@code AGREEMENT}
 * @param organizationId the organization, for an organization's feed
 * @param agreementId the agreement, for an agreement's feed
 * @param name the organization's name, or the agreement's code as title
 * @param createdAt when it was created
 * @param url {@code /calendar/feeds/<secret>.ics}, only in the answer to its creation
 */
public record FeedView(String id, Scope scope, String organizationId, String agreementId, LocalizedText name,
		Instant createdAt, String url) {

	/**
	 * Whose calendar a feed gives.
	 */
	public enum Scope {

		ORGANIZATION, AGREEMENT

	}

}
