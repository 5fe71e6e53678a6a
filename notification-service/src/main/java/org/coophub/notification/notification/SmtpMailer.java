package org.coophub.notification.notification;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a rendered mail over SMTP as multipart/alternative (plain text and HTML), UTF-8,
 * with the invitation of a review reminder attached.
 */
@Component
class SmtpMailer {

	private final JavaMailSender smtp;

	private final String from;

	SmtpMailer(JavaMailSender smtp, @Value("${coophub.mail.from}") String from) {
		this.smtp = smtp;
		this.from = from;
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
		message.setHeader("Content-Language", mail.language());
		this.smtp.send(message);
	}

}
