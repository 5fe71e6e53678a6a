package org.coophub.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.report.AnnualReportGenerated;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A party that has not accepted the agreement is never mailed: no reminders, activity
 * notices or report links for its contacts, and the reminder preview does not know them;
 * once it accepts, it gets what is due from then on, never what was due before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class PartyConsentIntegrationTest {

	static final Instant NOW = TestClockConfiguration.START;

	/** After the 30-day reminder of the 6 November 2026 review (7 October, 08:00). */
	static final Instant ACCEPTED_AT = Instant.parse("2026-10-10T03:00:00Z");

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	RestTestClient http;

	String run;

	String ld;

	String hcm;

	String dn;

	String agreementId;

	@BeforeEach
	void setUp() {
		this.clock.set(NOW);
		this.http = ServiceClients.asAdmin(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.ld = "org-ld-" + this.run;
		this.hcm = "org-hcm-" + this.run;
		this.dn = "org-dn-" + this.run;
		this.agreementId = "agr-consent-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, this.ld, 1,
				organization(this.ld, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng", contact("xuctien", "ld"))));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, this.hcm, 1, organization(this.hcm,
				"Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM", contact("vanphong", "hcm"))));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, this.dn, 1,
				organization(this.dn, "Ban Quản lý các KCN Đồng Nai", contact("tonghop", "dn"))));
		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, this.agreementId, 2,
				agreement(PartyConsent.PENDING)));
		await().until(() -> reminderRecipients().size() == 10);
	}

	@Test
	void aPendingPartysContactsGetNothingWhileTheAcceptedPartiesDo() throws Exception {
		assertThat(reminderRecipients()).as("five reminders each for the accepted parties' contacts only")
			.containsOnly(address("xuctien", "ld"), address("vanphong", "hcm"));

		publish(new ActivityRecorded(UUID.randomUUID().toString(), NOW, "act-" + this.run, 1,
				conference(LocalDateTime.of(2026, 2, 28, 8, 0))));
		publish(new AnnualReportGenerated(UUID.randomUUID().toString(), NOW, this.agreementId, 1, 2025,
				"/api/v1/agreements/" + this.agreementId + "/reports/2025", "ab12cd34"));
		// the lead's notice and both accepted parties' report links
		await().until(() -> sent() == 3);

		assertThat(mailsTo("@dn-" + this.run)).as("the pending partner is mailed nothing").isEmpty();
		assertThat(mailsTo("@ld-" + this.run)).hasSize(2);
		assertThat(ledgerRecipients()).doesNotContain(address("tonghop", "dn"));
		assertThat(previewStatus(address("tonghop", "dn"))).as("not a contact the preview knows").isEqualTo(422);
		assertThat(previewStatus(address("xuctien", "ld"))).isEqualTo(200);
	}

	@Test
	void onceAcceptedAPartyGetsWhatIsDueFromThenOn() throws Exception {
		publish(new PartyAccepted(UUID.randomUUID().toString(), ACCEPTED_AT, this.agreementId, 3,
				agreement(PartyConsent.ACCEPTED), this.dn, "Đồng ý tham gia", "editor@ORG-DN"));

		await().until(() -> reminderRecipients().size() == 14);
		assertThat(reminderRecipients().stream().filter(address("tonghop", "dn")::equals))
			.as("lead 7 and 1, overdue 1 and 7: not the 30-day reminder, due before it accepted")
			.hasSize(4);
		assertThat(reminderOffsets(address("tonghop", "dn"))).containsExactlyInAnyOrder(7, 1, -1, -7);

		publish(new ActivityRecorded(UUID.randomUUID().toString(), ACCEPTED_AT.plusSeconds(60), "act-" + this.run, 1,
				conference(LocalDateTime.of(2026, 10, 9, 8, 0))));
		List<MimeMessage> mails = await().until(() -> mailsTo("@dn-" + this.run), (m) -> !m.isEmpty());
		assertThat(mails.get(0).getSubject()).contains("hoạt động mới được ghi nhận");
		assertThat(previewStatus(address("tonghop", "dn"))).isEqualTo(200);
	}

	private List<String> reminderRecipients() {
		return reminders().findValuesAsString("recipient");
	}

	private List<Integer> reminderOffsets(String recipient) {
		List<Integer> offsets = new ArrayList<>();
		reminders().path("content").forEach((reminder) -> {
			if (recipient.equals(reminder.path("recipient").asString())) {
				offsets.add(reminder.at("/reminder/offsetDays").asInt());
			}
		});
		return offsets;
	}

	private JsonNode reminders() {
		return this.json.readTree(this.http.get()
			.uri("/api/v1/reminders?agreementId={id}&status=PLANNED&size=100", this.agreementId)
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	private List<String> ledgerRecipients() {
		return ledger().findValuesAsString("recipient");
	}

	private long sent() {
		return ledger().findValuesAsString("status").stream().filter("SENT"::equals).count();
	}

	private JsonNode ledger() {
		return this.json.readTree(this.http.get()
			.uri("/api/v1/notifications?agreementId={id}&size=100", this.agreementId)
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	private int previewStatus(String recipient) {
		return this.http.post()
			.uri("/api/v1/reminders/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"agreementId\":\"" + this.agreementId + "\",\"recipient\":\"" + recipient + "\"}")
			.exchange()
			.returnResult()
			.getStatus()
			.value();
	}

	private List<MimeMessage> mailsTo(String marker) throws Exception {
		return Arrays.stream(TestInfrastructure.get().mail().receivedMessages()).filter((m) -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch((a) -> a.toString().contains(marker));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	private String address(String name, String organization) {
		return name + "@" + organization + "-" + this.run + ".example";
	}

	private Contact contact(String name, String organization) {
		return new Contact(name, address(name, organization), null, null, null, "vi", true);
	}

	private static OrganizationState organization(String id, String name, Contact contact) {
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText(name, null), "INDUSTRIAL_ZONE_AUTHORITY",
				null, List.of(), List.of(contact), true);
	}

	/**
	 * Lâm Đồng created it with Ho Chi Minh City, both accepted; Đồng Nai is named with
	 * the given consent.
	 */
	private AgreementState agreement(PartyConsent dongNai) {
		return new AgreementState(this.agreementId, "IT-" + this.agreementId,
				new LocalizedText("Chương trình hợp tác ba bên", null),
				List.of(new Party(this.ld, PartyRole.LEAD, PartyConsent.ACCEPTED),
						new Party(this.hcm, PartyRole.PARTNER, PartyConsent.ACCEPTED),
						new Party(this.dn, PartyRole.PARTNER, dongNai)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.hcm, this.ld), this.hcm, List.of(30, 7, 1)));
	}

	/** A conference Ho Chi Minh City hosted, recorded the day after. */
	private ActivityState conference(LocalDateTime startsAt) {
		return new ActivityState("act-" + this.run, this.agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư vào các KCN", "Investment promotion conference"), startsAt,
				startsAt.plusHours(9), "Asia/Ho_Chi_Minh", new Location("TP. Hồ Chí Minh", "Trung tâm Hội nghị"),
				this.hcm, List.of(this.ld, this.dn), List.of(), ActivityStatus.COMPLETED, null);
	}

}
