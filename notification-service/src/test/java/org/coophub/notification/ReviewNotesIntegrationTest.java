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
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The note of skipping or moving a review cycle is plain text: a bidi override, a NUL or
 * an escape answers 400 naming {@code note}, and the schedule stays as it was; Vietnamese
 * text with a line break passes unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class ReviewNotesIntegrationTest {

	static final String CYCLE = "/api/v1/agreements/{id}/review-schedule/cycles/{year}/";

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MutableClock clock;

	RestTestClient http;

	String run;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aSkipOrMoveNoteWithAControlCharacterIsRefusedAndChangesNothing() {
		this.clock.set(Instant.parse("2026-09-01T00:00:00Z"));
		String ld = "org-ld-" + this.run;
		String hcm = "org-hcm-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), this.clock.instant(), ld, 1,
				organization(ld)));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), this.clock.instant(), hcm, 1,
				organization(hcm)));
		String agreementId = "agr-notes-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), agreementId, 1,
				agreement(agreementId, ld, hcm)));
		await().until(() -> schedule(agreementId) != null);
		String etag = etag(agreementId);

		// JSON escapes: the requests carry the characters themselves
		refused(post(CYCLE + "skip", agreementId, "{\"note\":\"Dịch bệnh\\u202e\"}", etag));
		refused(post(CYCLE + "skip", agreementId, "{\"note\":\"Dịch\\u0000bệnh\"}", etag));
		refused(post(CYCLE + "move", agreementId, "{\"dueOn\":\"2026-11-20\",\"note\":\"Trùng lịch\\u001b[2J\"}",
				etag));
		assertThat(etag(agreementId)).isEqualTo(etag);
		assertThat(history(agreementId)).isEmpty();

		post(CYCLE + "move", agreementId, "{\"dueOn\":\"2026-11-20\",\"note\":\"Trùng lịch\\nhội nghị\"}", etag)
			.expectStatus()
			.isOk();
		assertThat(history(agreementId).findValuesAsString("note")).containsExactly("Trùng lịch\nhội nghị");
	}

	private static void refused(RestTestClient.ResponseSpec response) {
		response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("note");
	}

	private RestTestClient.ResponseSpec post(String uri, String agreementId, String body, String ifMatch) {
		return this.http.post()
			.uri(uri, agreementId, 2026)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, ifMatch)
			.body(body)
			.exchange();
	}

	private String etag(String agreementId) {
		return this.http.get()
			.uri("/api/v1/agreements/{id}/review-schedule", agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getETag();
	}

	private JsonNode history(String agreementId) {
		return this.json.readTree(this.http.get()
			.uri("/api/v1/agreements/{id}/review-schedule/history", agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	private JsonNode schedule(String agreementId) {
		var result = this.http.get()
			.uri("/api/v1/agreements/{id}/review-schedule", agreementId)
			.exchange()
			.expectBody()
			.returnResult();
		return result.getStatus().is2xxSuccessful() ? this.json.readTree(result.getResponseBody()) : null;
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	private OrganizationState organization(String id) {
		Contact contact = new Contact("Văn phòng", "vanphong-" + this.run + "@" + id + ".example", null, null, null,
				"vi", true);
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText("Ban Quản lý " + id, null),
				"INDUSTRIAL_ZONE_AUTHORITY", null, List.of(), List.of(contact), true);
	}

	private static AgreementState agreement(String id, String ld, String hcm) {
		return new AgreementState(id, "IT-" + id, new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(ld, PartyRole.LEAD), new Party(hcm, PartyRole.PARTNER)), LocalDate.of(2009, 10, 15),
				LocalDate.of(2009, 10, 15), LocalDate.of(2029, 12, 31), "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(hcm, ld), hcm, List.of(30, 7, 1)));
	}

}
