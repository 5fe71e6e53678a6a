package org.coophub.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reminder preview for a named recipient tells whether an address is a contact who gets
 * mail: only the parties' EDITORs and the secretariat may ask (docs/security.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ReminderPreviewAccessIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	String run;

	String ld;

	String hcm;

	String agreementId;

	@BeforeEach
	void setUp() {
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.ld = "org-ld-" + this.run;
		this.hcm = "org-hcm-" + this.run;
		this.agreementId = "agr-preview-access-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), this.ld, 1,
				organization(this.ld, List.of(contact("xuctien", true), contact("archive", false)))));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), this.hcm, 1,
				organization(this.hcm, List.of(contact("vanphong", true)))));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), this.agreementId, 2, agreement()));
		await().until(() -> preview(ServiceClients.asAdmin(this.port), null) == 200);
	}

	@Test
	void onlyThePartiesEditorsAndTheSecretariatMayNameARecipient() {
		String contact = "xuctien-" + this.run + "@ld.example";
		String stranger = editor("ORG-OTHER");
		for (String address : new String[] { contact, "archive-" + this.run + "@ld.example", "nobody@x.example" }) {
			// the same answer whether the address is a contact, one who gets no mail, or
			// none
			assertThat(preview(ServiceClients.as(this.port, stranger), address)).as(address).isEqualTo(403);
		}
		assertThat(preview(ServiceClients.as(this.port, stranger), null)).isEqualTo(200);
		assertThat(preview(ServiceClients.as(this.port, editor(this.ld.toUpperCase())), contact)).isEqualTo(200);
		assertThat(preview(ServiceClients.as(this.port, editor(this.hcm.toUpperCase())), contact)).isEqualTo(200);
		assertThat(preview(ServiceClients.asAdmin(this.port), contact)).isEqualTo(200);
		assertThat(preview(ServiceClients.asAdmin(this.port), "nobody@x.example")).isEqualTo(422);
		String viewer = TestInfrastructure.get().identity().token("ld-viewer", "VIEWER", this.ld.toUpperCase());
		assertThat(preview(ServiceClients.as(this.port, viewer), contact)).isEqualTo(403);
	}

	@Test
	void onlyTheAcceptedPartiesAndTheSecretariatMayFilterTheLedgerByRecipient() {
		String contact = "xuctien-" + this.run + "@ld.example";
		String byRecipient = "/api/v1/notifications?recipient=" + contact;
		String ofTheAgreement = byRecipient + "&agreementId=" + this.agreementId;
		RestTestClient stranger = ServiceClients.as(this.port, editor("ORG-OTHER"));
		assertThat(status(stranger, byRecipient)).isEqualTo(403);
		assertThat(status(stranger, ofTheAgreement)).isEqualTo(403);
		assertThat(status(stranger, "/api/v1/reminders?recipient=" + contact)).isEqualTo(403);
		RestTestClient party = ServiceClients.as(this.port, editor(this.ld.toUpperCase()));
		// without naming the agreement the filter would reach the agreements it is no
		// party to
		assertThat(status(party, byRecipient)).isEqualTo(403);
		assertThat(status(party, ofTheAgreement)).isEqualTo(200);
		assertThat(status(stranger, "/api/v1/notifications?agreementId=" + this.agreementId)).isEqualTo(200);
		assertThat(status(ServiceClients.asAdmin(this.port), byRecipient)).isEqualTo(200);
	}

	private static int status(RestTestClient client, String uri) {
		return client.get().uri(uri).exchange().expectBody().returnResult().getStatus().value();
	}

	private static String editor(String organizationCode) {
		return TestInfrastructure.get().identity().token("editor", "EDITOR", organizationCode);
	}

	private int preview(RestTestClient client, String recipient) {
		String body = "{\"agreementId\":\"" + this.agreementId + "\""
				+ ((recipient != null) ? ",\"recipient\":\"" + recipient + "\"" : "") + "}";
		return client.post()
			.uri("/api/v1/reminders/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value();
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	private Contact contact(String name, boolean notify) {
		return new Contact(name, name + "-" + this.run + "@ld.example", null, null, null, "vi", notify);
	}

	private static OrganizationState organization(String id, List<Contact> contacts) {
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText("Ban Quản lý " + id, null),
				"INDUSTRIAL_ZONE_AUTHORITY", null, List.of(), contacts, true);
	}

	private AgreementState agreement() {
		return new AgreementState(this.agreementId, "IT-" + this.agreementId,
				new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(this.ld, PartyRole.LEAD), new Party(this.hcm, PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.hcm, this.ld), this.hcm, List.of(30, 7, 1)));
	}

}
