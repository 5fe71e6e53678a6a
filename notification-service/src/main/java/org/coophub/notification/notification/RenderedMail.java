package org.coophub.notification.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A mail as rendered for one recipient in their language: HTML with a plain-text
 * alternative, and for review reminders an iCalendar invitation.
 *
 * @param template the mail's name
 * @param templateVersion the version of its wording
 * @param language {@code vi} or {@code en}
 * @param subject the subject
 * @param text the plain-text body
 * @param html the HTML body
 * @param calendar the attached invitation, or null
 */
public record RenderedMail(String template, int templateVersion, String language, String subject, String text,
		String html, MailAttachment calendar) {

	public RenderedMail(String template, int templateVersion, String language, String subject, String text,
			String html) {
		this(template, templateVersion, language, subject, text, html, null);
	}

	public RenderedMail withCalendar(MailAttachment calendar) {
		return new RenderedMail(this.template, this.templateVersion, this.language, this.subject, this.text, this.html,
				calendar);
	}

	String contentHash() {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			String attachment = (this.calendar != null) ? this.calendar.content() : "";
			for (String part : new String[] { this.subject, this.text, this.html, attachment }) {
				sha256.update(part.getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * A text attachment.
	 *
	 * @param filename its file name
	 * @param contentType its MIME type with parameters
	 * @param content its text
	 */
	public record MailAttachment(String filename, String contentType, String content) {
	}

}
