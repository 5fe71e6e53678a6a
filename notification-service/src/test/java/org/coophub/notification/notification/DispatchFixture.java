package org.coophub.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.testsupport.TestInfrastructure;

import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ledger entries and mails of one test, planned under a marker of its own so that
 * tests sharing the context and the SMTP capture see only theirs, and dispatchers of
 * other instances on the same MongoDB and SMTP server.
 *
 * @param context the service's context
 * @param run the marker in each recipient's address
 * @param domain the recipients' mail domain
 */
record DispatchFixture(ApplicationContext context, String run, String domain) {

	/** The claim lease of the service's configuration. */
	static final Duration LEASE = Duration.ofSeconds(60);

	/** The service's own mailer. */
	SmtpMailer mailer() {
		return bean(SmtpMailer.class);
	}

	/** Another instance's dispatcher, on its own clock. */
	NotificationDispatcher dispatcher(SmtpMailer mail, Clock clock, int maxAttempts, Duration lease) {
		return new NotificationDispatcher(bean(MongoTemplate.class), mail, bean(OutboxWriter.class), clock, maxAttempts,
				lease, this.context.getBeanProvider(MailComposer.class).orderedStream().toList(),
				bean(MailMetrics.class));
	}

	/** Plans a test mail due at a moment. */
	String plan(String name, Instant at) {
		Notification notification = notice(name, at);
		bean(NotificationLedger.class).plan(notification);
		return notification.id();
	}

	/** A test mail due at a moment, not yet planned. */
	Notification notice(String name, Instant at) {
		String email = name + "-" + this.run + "@" + this.domain;
		RenderedMail mail = new RenderedMail("test", 1, "vi", "Thử nghiệm " + name, "Nội dung", "<p>Nội dung</p>");
		// a kind like any other: the dispatcher sends whatever was planned
		return Notification.plan(NotificationKind.ANNUAL_REPORT, "test:" + name + ":" + email, "agr-" + this.run, email,
				mail, at);
	}

	Notification find(String key) {
		return bean(MongoTemplate.class).findById(key, Notification.class);
	}

	NotificationStatus status(String key) {
		return find(key).status();
	}

	List<MimeMessage> mails() {
		return List.of(TestInfrastructure.get().mail().receivedMessages())
			.stream()
			.filter((m) -> to(m).contains(this.run))
			.toList();
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	static String to(MimeMessage message) {
		try {
			return message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
