package org.coophub.notification.notification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import org.coophub.platform.tracing.TraceParent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a rendered mail over SMTP as multipart/alternative (plain text and HTML), UTF-8,
 * with the invitation of a review reminder attached. The mail names the trace it was sent
 * in ({@value #TRACE_ID_HEADER}), the one the ledger entry shows.
 */
@Component
class SmtpMailer {

	static {
		// Without it, Jakarta Mail 2.1 scans the class path with a ServiceLoader for
		// every multipart, header and subject it encodes (jakartaee/mail-api#861): the
		// JFR profile of the pipeline benchmark showed a quarter of the service's CPU
		// there.
		if (System.getProperty(StreamProvider.class.getName()) == null) {
			System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	/** The header naming the trace of the work that planned the mail. */
	static final String TRACE_ID_HEADER = "X-Coophub-Trace-Id";

	private final JavaMailSender smtp;

	private final String from;

	SmtpMailer(JavaMailSender smtp, @Value("${coophub.mail.from}") String from) {
		this.smtp = smtp;
		this.from = from;
	}

	/**
	 * The same for every copy of a notification, so a copy sent again after a crash is
	 * recognisably the same mail.
	 * @param notificationId the send key
	 * @return the {@code Message-ID} header
	 */
	static String messageId(String notificationId) {
		return "<" + UUID.nameUUIDFromBytes(notificationId.getBytes(StandardCharsets.UTF_8)) + "@coophub>";
	}

	void send(String recipient, String notificationId, RenderedMail mail) throws MessagingException {
		MimeMessage message = this.smtp.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(recipient);
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		if (mail.calendar() != null) {
			helper.addAttachment(mail.calendar().filename(), new ByteArrayDataSource(
					mail.calendar().content().getBytes(StandardCharsets.UTF_8), mail.calendar().contentType()));
		}
		message.setHeader("X-Coophub-Notification", notificationId);
		message.setHeader("Message-ID", messageId(notificationId));
		message.setHeader("Content-Language", mail.language());
		String traceId = TraceParent.currentTraceId().orElse(null);
		if (traceId != null) {
			message.setHeader(TRACE_ID_HEADER, traceId);
		}
		this.smtp.send(message);
	}

}
