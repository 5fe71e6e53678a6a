package org.coophub.notification;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.coophub.testsupport.TestInfrastructure;

/**
 * The mail the SMTP capture received, parsed with Jakarta Mail and ical4j.
 */
final class Mails {

	private Mails() {
	}

	/**
	 * The mails to addresses containing {@code marker} whose notification key starts with
	 * {@code keyPrefix}.
	 */
	static List<MimeMessage> received(String marker, String keyPrefix) {
		return Arrays.stream(TestInfrastructure.get().mail().receivedMessages())
			.filter((m) -> to(m).contains(marker) && key(m).startsWith(keyPrefix))
			.toList();
	}

	static String to(MimeMessage message) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.map(Object::toString)
				.findFirst()
				.orElse("");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String key(MimeMessage message) {
		try {
			String[] header = message.getHeader("X-Coophub-Notification");
			return (header != null) ? header[0] : "";
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static MimeMessage to(List<MimeMessage> mails, String address) {
		return mails.stream()
			.filter((m) -> to(m).equals(address))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No mail to " + address));
	}

	static String text(MimeMessage message) {
		return TestInfrastructure.get().mail().textOf(message);
	}

	/**
	 * The iCalendar part of a mail, parsed.
	 */
	static Calendar calendar(MimeMessage message) throws Exception {
		Part part = find(message, "text/calendar");
		if (part == null) {
			throw new AssertionError("The mail has no text/calendar part");
		}
		try (InputStream in = part.getInputStream()) {
			return new CalendarBuilder().build(in);
		}
	}

	static boolean hasPart(MimeMessage message, String type) throws MessagingException, IOException {
		return find(message, type) != null;
	}

	private static Part find(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return part;
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				Part found = find(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
