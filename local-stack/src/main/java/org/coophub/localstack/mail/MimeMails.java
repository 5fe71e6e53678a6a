package org.coophub.localstack.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Decodes a MIME message into a {@link CapturedMail}.
 */
final class MimeMails {

	private MimeMails() {
	}

	/**
	 * @param recipients the envelope recipients, or null to take those of the To and Cc
	 * headers
	 */
	static CapturedMail decode(String id, MimeMessage message, List<String> recipients, Instant receivedAt)
			throws MessagingException, IOException {
		Bodies bodies = new Bodies();
		collect(message, bodies);
		InternetAddress sender = firstAddress(message.getFrom());
		Instant date = (message.getSentDate() != null) ? message.getSentDate().toInstant() : receivedAt;
		List<String> to = addresses(message.getRecipients(RecipientType.TO));
		List<String> cc = addresses(message.getRecipients(RecipientType.CC));
		List<String> delivered = (recipients != null) ? List.copyOf(recipients)
				: Stream.concat(to.stream(), cc.stream()).toList();
		return new CapturedMail(id, message.getMessageID(), (sender != null) ? sender.getAddress() : null,
				(sender != null) ? sender.getPersonal() : null, to, cc, delivered, message.getSubject(), date,
				bodies.text, bodies.html, List.copyOf(bodies.attachments));
	}

	private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), bodies);
			}
			return;
		}
		boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
		if (!attached && part.isMimeType("text/plain") && bodies.text == null) {
			bodies.text = text(part);
		}
		else if (!attached && part.isMimeType("text/html") && bodies.html == null) {
			bodies.html = text(part);
		}
		else {
			String contentType = new ContentType(part.getContentType()).getBaseType().toLowerCase();
			String content = contentType.startsWith("text/") ? text(part)
					: Base64.getEncoder().encodeToString(bytes(part));
			bodies.attachments.add(new MailAttachment(fileName(part), contentType, content));
		}
	}

	/** Decodes the transfer encoding, then the charset (UTF-8 when none is named). */
	private static String text(Part part) throws MessagingException, IOException {
		String charset = new ContentType(part.getContentType()).getParameter("charset");
		Charset decoding = (charset != null) ? Charset.forName(MimeUtility.javaCharset(charset))
				: StandardCharsets.UTF_8;
		return new String(bytes(part), decoding);
	}

	private static byte[] bytes(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
	}

	/** File names may be RFC 2231 (decoded by Jakarta Mail) or RFC 2047 encoded. */
	private static String fileName(Part part) throws MessagingException {
		String name = part.getFileName();
		if (name == null) {
			return null;
		}
		try {
			return MimeUtility.decodeText(name);
		}
		catch (UnsupportedEncodingException ex) {
			return name;
		}
	}

	private static InternetAddress firstAddress(Address[] addresses) {
		return (addresses != null && addresses.length > 0 && addresses[0] instanceof InternetAddress address) ? address
				: null;
	}

	private static List<String> addresses(Address[] addresses) {
		if (addresses == null) {
			return List.of();
		}
		return Arrays.stream(addresses)
			.map((address) -> (address instanceof InternetAddress internet) ? internet.getAddress()
					: address.toString())
			.toList();
	}

	private static final class Bodies {

		private String text;

		private String html;

		private final List<MailAttachment> attachments = new ArrayList<>();

	}

}
