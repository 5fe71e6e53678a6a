package org.coophub.localstack.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.coophub.localstack.logging.QuietLogging;
import org.coophub.localstack.process.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) on 127.0.0.1 that accepts mail for anyone, with any or no
 * credentials, keeps it, and shows it on a small HTTP viewer.
 * <p>
 * Mail is recorded once per message, in order of arrival, with its envelope recipients:
 * GreenMail itself stores one copy per recipient's mailbox.
 */
public final class SmtpCapture implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmtpCapture.class);

	private final int smtpPort;

	private final MailViewer viewer;

	private final int viewerPort;

	private final List<CapturedMail> captured = new ArrayList<>();

	/**
	 * The same mails as received, for tests that inspect the MIME structure themselves.
	 */
	private final List<MimeMessage> raw = new ArrayList<>();

	/**
	 * Messages already recorded (delivery runs once per recipient); weak, identity-based.
	 */
	private final Set<MovingMessage> seen = Collections.newSetFromMap(new WeakHashMap<>());

	private GreenMail greenMail;

	private long sequence;

	/**
	 * @param smtpPort the SMTP port, 0 for a free one
	 * @param viewerPort the HTTP port of the mail viewer, 0 for a free one
	 */
	public SmtpCapture(int smtpPort, int viewerPort) {
		this.smtpPort = Ports.resolve(smtpPort);
		this.viewerPort = Ports.resolve(viewerPort);
		this.viewer = new MailViewer(new MailViewer.Mailbox() {

			@Override
			public List<CapturedMail> messages() {
				return SmtpCapture.this.messages();
			}

			@Override
			public String page() {
				return MailViewerPage.render(SmtpCapture.this.messages());
			}

			@Override
			public void clear() {
				SmtpCapture.this.clear();
			}

		}, this.viewerPort);
	}

	public static SmtpCapture onFreePorts() {
		return new SmtpCapture(0, 0);
	}

	public synchronized SmtpCapture start() {
		if (this.greenMail != null) {
			return this;
		}
		QuietLogging.apply();
		GreenMail newGreenMail = new NoDelayGreenMail(
				new ServerSetup(this.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		newGreenMail.start();
		// set after start(): start() creates the user manager anew
		MessageDeliveryHandler delivery = newGreenMail.getUserManager().getMessageDeliveryHandler();
		newGreenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
			record(message);
			return delivery.handle(message, recipient);
		});
		this.greenMail = newGreenMail;
		this.viewer.start();
		log.info("SMTP capture listening on 127.0.0.1:{}, mail viewer on {}", this.smtpPort, viewerUrl());
		return this;
	}

	public synchronized void stop() {
		if (this.greenMail == null) {
			return;
		}
		this.viewer.stop();
		this.greenMail.stop();
		this.greenMail = null;
		log.info("SMTP capture on port {} stopped", this.smtpPort);
	}

	@Override
	public void close() {
		stop();
	}

	public String smtpHost() {
		return "127.0.0.1";
	}

	public int smtpPort() {
		return this.smtpPort;
	}

	public int viewerPort() {
		return this.viewerPort;
	}

	public String viewerUrl() {
		return "http://localhost:" + this.viewerPort + "/";
	}

	/** Every mail received since the start or the last {@link #clear()}, oldest first. */
	public synchronized List<CapturedMail> messages() {
		return List.copyOf(this.captured);
	}

	/** The mails delivered to the given address (To, Cc or Bcc), oldest first. */
	public List<CapturedMail> messagesTo(String address) {
		return messages().stream()
			.filter((mail) -> mail.recipients().stream().anyMatch(address::equalsIgnoreCase))
			.toList();
	}

	/**
	 * Every mail received since the start or the last {@link #clear()}, undecoded, oldest
	 * first.
	 */
	public synchronized MimeMessage[] receivedMessages() {
		return this.raw.toArray(MimeMessage[]::new);
	}

	/**
	 * The text/plain body of a received mail, decoded.
	 * @throws AssertionError if it has none
	 */
	public String textOf(MimeMessage message) {
		String text = decode(message).text();
		if (text == null) {
			throw new AssertionError("The mail has no text/plain part");
		}
		return text;
	}

	/**
	 * The text/html body of a received mail, decoded.
	 * @throws AssertionError if it has none
	 */
	public String htmlOf(MimeMessage message) {
		String html = decode(message).html();
		if (html == null) {
			throw new AssertionError("The mail has no text/html part");
		}
		return html;
	}

	/**
	 * Decodes a mail as the viewer shows it (envelope recipients unknown: the To and Cc
	 * headers).
	 */
	public static CapturedMail decode(MimeMessage message) {
		try {
			return MimeMails.decode(null, message, null, Instant.now());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Cannot decode the mail", ex);
		}
	}

	public synchronized void clear() {
		this.captured.clear();
		this.raw.clear();
		if (this.greenMail != null) {
			try {
				this.greenMail.purgeEmailFromAllMailboxes();
			}
			catch (FolderException ex) {
				log.warn("Could not purge GreenMail's mailboxes", ex);
			}
		}
	}

	private synchronized void record(MovingMessage message) {
		if (!this.seen.add(message)) {
			return;
		}
		List<String> recipients = message.getToAddresses().stream().map(MailAddress::getEmail).toList();
		String id = String.valueOf(++this.sequence);
		try {
			// a copy: GreenMail's message object is its own
			this.raw.add(new MimeMessage(message.getMessage()));
			this.captured.add(MimeMails.decode(id, message.getMessage(), recipients, Instant.now()));
		}
		catch (Exception ex) {
			// a mail we cannot decode must still be seen, or a test would wait in vain
			log.warn("Cannot decode captured mail {}", id, ex);
			this.captured.add(new CapturedMail(id, null, null, null, List.of(), List.of(), recipients,
					"(undecodable: " + ex.getMessage() + ")", Instant.now(), null, null, List.of()));
		}
	}

}
