package org.coophub.localstack.mail;

/**
 * A non-body part of a captured mail.
 *
 * @param filename the decoded file name, if any
 * @param contentType the base content type, lower case, e.g. {@code text/calendar}
 * @param content the decoded text for {@code text/*} types, base64 otherwise
 */
public record MailAttachment(String filename, String contentType, String content) {

	public boolean isText() {
		return this.contentType.startsWith("text/");
	}

}
