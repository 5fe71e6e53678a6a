package org.coophub.localstack.mail;

import java.time.Instant;
import java.util.List;

/**
 * A mail as the SMTP capture received it, decoded: RFC 2047 subjects and names, transfer
 * encodings and charsets are resolved, so tests and people read plain text.
 *
 * @param id a number given in the order of arrival (null for a mail decoded on request)
 * @param messageId the {@code Message-ID} header, if any
 * @param from the sender's address
 * @param fromName the sender's display name, if any
 * @param to the addresses of the {@code To} header
 * @param cc the addresses of the {@code Cc} header
 * @param recipients the envelope recipients (whom the mail was delivered to, Bcc
 * included)
 * @param subject the decoded subject
 * @param date the {@code Date} header, or the time of arrival without one
 * @param text the first text/plain body part, if any
 * @param html the first text/html body part, if any
 * @param attachments every other part, calendar invitations included
 */
public record CapturedMail(String id, String messageId, String from, String fromName, List<String> to, List<String> cc,
		List<String> recipients, String subject, Instant date, String text, String html,
		List<MailAttachment> attachments) {

	/** The first attachment of the given content type (e.g. {@code text/calendar}). */
	public MailAttachment attachment(String contentType) {
		return this.attachments.stream()
			.filter((attachment) -> attachment.contentType().equalsIgnoreCase(contentType))
			.findFirst()
			.orElse(null);
	}

}
