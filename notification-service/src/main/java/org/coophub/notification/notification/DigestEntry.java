package org.coophub.notification.notification;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An activity notice held back for a contact who takes them as a daily digest; its id is
 * the notice's send key, so a redelivered event is collected once.
 *
 * @param id the send key
 * @param recipient the address
 * @param recipientName the contact's name
 * @param language the contact's language
 * @param organizationName the contact's organization, in that language
 * @param day the day the notice belongs to, in the digest's time zone
 * @param template what happened: activity-recorded, -completed, -rescheduled or
 * -cancelled
 * @param agreementId the agreement
 * @param item the notice's lines as the digest shows them
 * @param digested whether it went into a digest
 */
@Document("digest_entries")
record DigestEntry(@Id String id, String recipient, String recipientName, String language, String organizationName,
		LocalDate day, String template, String agreementId, Map<String, Object> item, boolean digested) {
}
