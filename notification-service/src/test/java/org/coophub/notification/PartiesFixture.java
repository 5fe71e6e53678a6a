package org.coophub.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The two parties of the program, Lâm Đồng's and TP.HCM's industrial-zone authorities,
 * registered under a marker of one test so that tests sharing the context, the broker and
 * the SMTP capture see only their own organizations, agreements and mails; and the events
 * a test sends the service, as agreement-service and activity-service would.
 *
 * @param context the service's context
 * @param run the marker in each identifier and contact address
 */
public record PartiesFixture(ApplicationContext context, String run) {

	/** A fixture under a fresh marker, its clock set to the tests' start. */
	public static PartiesFixture start(ApplicationContext context) {
		PartiesFixture fixture = new PartiesFixture(context, UUID.randomUUID().toString().substring(0, 8));
		fixture.clock().set(TestClockConfiguration.START);
		return fixture;
	}

	/** Lâm Đồng's authority. */
	public String ld() {
		return "org-ld-" + this.run;
	}

	/** TP.HCM's authority. */
	public String hcm() {
		return "org-hcm-" + this.run;
	}

	/**
	 * Registers both authorities, each with one contact reading Vietnamese: Lâm Đồng's
	 * {@code xuctien}, TP.HCM's {@code vanphong}.
	 */
	public void registerParties() {
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), now(), ld(), 1,
				organization(ld(), "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng", "xuctien")));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), now(), hcm(), 1,
				organization(hcm(), "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM", "vanphong")));
	}

	/** The address of a contact of this test. */
	public String email(String contact) {
		return contact + "-" + this.run + "@example.org";
	}

	/** Sends an event through the service's own outbox sender, as its producer would. */
	public void publish(DomainEvent event) {
		bean(EventSender.class).send(OutboxEntry.of(event, bean(JsonMapper.class).writeValueAsString(event)));
	}

	/** The clock the tests move. */
	public MutableClock clock() {
		return bean(MutableClock.class);
	}

	public Instant now() {
		return clock().instant();
	}

	public MongoTemplate mongo() {
		return bean(MongoTemplate.class);
	}

	/** How many mails the SMTP capture received for a contact of this test. */
	public long mailsTo(String contact) {
		String address = email(contact);
		return Arrays.stream(TestInfrastructure.get().mail().receivedMessages()).filter((m) -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch((a) -> a.toString().contains(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

	private OrganizationState organization(String id, String name, String contact) {
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText(name, null), "INDUSTRIAL_ZONE_AUTHORITY",
				null, List.of(), List.of(new Contact(contact, email(contact), null, null, null, "vi", true)), true);
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

}
