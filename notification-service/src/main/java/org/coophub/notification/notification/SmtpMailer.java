package org.coophub.notification.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a rendered mail over SMTP as multipart/alternative (plain text and HTML), UTF-8.
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
		message.setHeader("X-Coophub-Notification", notificationId);
		message.setHeader("Content-Language", mail.language());
		this.smtp.send(message);
	}

}
