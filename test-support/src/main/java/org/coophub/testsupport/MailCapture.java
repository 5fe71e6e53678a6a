package org.coophub.testsupport;

import java.io.IOException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) that keeps what it receives, so tests read mail as a
 * mail client would.
 */
public final class MailCapture {

	private final GreenMail greenMail;

	MailCapture(int port) {
		this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	MailCapture start() {
		this.greenMail.start();
		return this;
	}

	void stop() {
		this.greenMail.stop();
	}

	public int port() {
		return this.greenMail.getSmtp().getPort();
	}

	public MimeMessage[] receivedMessages() {
		return this.greenMail.getReceivedMessages();
	}

	/**
	 * The plain-text part of a mail, decoded.
	 * @param message a received mail
	 * @return its text/plain content
	 */
	public String textOf(MimeMessage message) {
		try {
			String text = find(message, "text/plain");
			if (text == null) {
				throw new AssertionError("The mail has no text/plain part");
			}
			return text;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Cannot read the mail", ex);
		}
	}

	/**
	 * The HTML part of a mail, decoded.
	 * @param message a received mail
	 * @return its text/html content
	 */
	public String htmlOf(MimeMessage message) {
		try {
			String html = find(message, "text/html");
			if (html == null) {
				throw new AssertionError("The mail has no text/html part");
			}
			return html;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Cannot read the mail", ex);
		}
	}

	private static String find(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String found = find(body, mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
