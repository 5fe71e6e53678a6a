package org.coophub.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import org.coophub.platform.tracing.TraceParent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSenderImpl;
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

	private final JavaMailSenderImpl smtp;

	private final Clock clock;

	private final String from;

	SmtpMailer(JavaMailSenderImpl smtp, @Value("${coophub.mail.from}") String from, Clock clock) {
		this.smtp = smtp;
		this.clock = clock;
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

	/**
	 * Builds a mail to send, naming the current trace.
	 * @param recipient the address
	 * @param notificationId the send key
	 * @param mail what it says
	 * @return the message, not sent yet
	 * @throws MessagingException when the message cannot be built
	 */
	MimeMessage message(String recipient, String notificationId, RenderedMail mail) throws MessagingException {
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
		return message;
	}

	/**
	 * Sends mails one after another over one SMTP connection (greeting, EHLO and QUIT
	 * once for all of them instead of once each), and says for each whether the server
	 * took it. Each mail is handed to the server at most once. A failure that cost the
	 * connection ends the batch: the mails not tried yet fail with it, as each would have
	 * on its own, so a server that stopped answering costs one timeout, not one per mail
	 * (the claims' lease outlasts that).
	 * @param messages the mails, from {@link #message}
	 * @return per mail, in order, null when the server accepted it, else why not
	 */
	List<Exception> sendAll(List<MimeMessage> messages) {
		List<Exception> outcomes = new ArrayList<>(messages.size());
		Transport transport = null;
		Exception lost = null;
		try {
			for (MimeMessage message : messages) {
				if (lost != null) {
					outcomes.add(lost);
					continue;
				}
				try {
					if (transport == null) {
						transport = connect();
					}
					// as JavaMailSenderImpl does: saveChanges would replace the
					// Message-ID
					String messageId = message.getMessageID();
					message.setSentDate(Date.from(this.clock.instant()));
					message.saveChanges();
					message.setHeader("Message-ID", messageId);
					transport.sendMessage(message, message.getAllRecipients());
					outcomes.add(null);
				}
				catch (MessagingException | RuntimeException ex) {
					outcomes.add(ex);
					if (transport == null || !transport.isConnected()) {
						lost = ex;
					}
				}
			}
		}
		finally {
			close(transport);
		}
		return outcomes;
	}

	private Transport connect() throws MessagingException {
		// Spring Boot's mail sender, its session and settings: the connection is this
		// class's own so that one carries a batch
		Transport transport = this.smtp.getSession().getTransport(this.smtp.getProtocol());
		transport.connect(this.smtp.getHost(), this.smtp.getPort(), blankAsNull(this.smtp.getUsername()),
				blankAsNull(this.smtp.getPassword()));
		return transport;
	}

	private static String blankAsNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static void close(Transport transport) {
		if (transport != null && transport.isConnected()) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				// every mail was already answered: QUIT failing changes nothing
			}
		}
	}

}
