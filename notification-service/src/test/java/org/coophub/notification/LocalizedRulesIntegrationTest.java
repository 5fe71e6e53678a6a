package org.coophub.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.coophub.testsupport.LocalizedProblems;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.coophub.testsupport.LocalizedProblems.fieldMessages;
import static org.coophub.testsupport.LocalizedProblems.language;
import static org.coophub.testsupport.LocalizedProblems.problem;

/**
 * notification-service's own rules answer in the reader's language (docs/api.md,
 * "Errors"): Vietnamese for {@code Accept-Language: vi} from its
 * {@code messages_vi.properties} and {@code ValidationMessages_vi.properties}, English as
 * before without one. A preview's language (a constraint's message), a review cycle the
 * schedule does not have and a recipient who is no contact (rules with their arguments),
 * and the ledger's recipient filter refused to a stranger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class LocalizedRulesIntegrationTest {

	static final String VI = LocalizedProblems.VIETNAMESE;

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Test
	void aConstraintsMessageIsInTheReadersLanguage() {
		String body = "{\"agreementId\":\"agr-1\",\"language\":\"fr\"}";
		JsonNode vi = problem(preview(body, VI), 400);
		assertThat(vi.get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
		assertThat(fieldMessages(vi)).containsExactly(Map.entry("language", "phải là vi hoặc en"));

		for (String language : new String[] { null, "en" }) {
			JsonNode en = problem(preview(body, language), 400);
			assertThat(en.get("title").asString()).isEqualTo("Invalid request");
			assertThat(fieldMessages(en)).as(language).containsExactly(Map.entry("language", "must be vi or en"));
		}
	}

	@Test
	void aReviewCycleTheScheduleDoesNotHaveAndARecipientWhoIsNoContactAreNamedInTheReadersLanguage() {
		String agreementId = agreementWithParties();
		String etag = ServiceClients.asAdmin(this.port)
			.get()
			.uri("/api/v1/agreements/{id}/review-schedule", agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getETag();
		String uri = "/api/v1/agreements/" + agreementId + "/review-schedule/cycles/1999/move";
		String move = "{\"dueOn\":\"1999-11-06\"}";

		JsonNode vi = problem(post(uri, move, VI, etag), 422);
		assertThat(vi.get("title").asString()).isEqualTo("Vi phạm quy tắc nghiệp vụ");
		assertThat(vi.get("detail").asString()).isEqualTo("Lịch sơ kết không có kỳ sơ kết năm 1999");
		assertThat(fieldMessages(vi)).containsExactly(Map.entry("year", "Lịch sơ kết không có kỳ sơ kết năm 1999"));
		JsonNode en = problem(post(uri, move, null, etag), 422);
		assertThat(en.get("title").asString()).isEqualTo("Rule violated");
		assertThat(en.get("detail").asString()).isEqualTo("The schedule has no 1999 review cycle");

		String nobody = "{\"agreementId\":\"" + agreementId + "\",\"recipient\":\"nobody@x.example\"}";
		assertThat(fieldMessages(problem(preview(nobody, VI), 422))).containsExactly(Map.entry("recipient",
				"Địa chỉ này không phải là người liên hệ nhận thư của một bên tham gia thỏa thuận"));
		assertThat(fieldMessages(problem(preview(nobody, null), 422)))
			.containsExactly(Map.entry("recipient", "Not a contact of the agreement's parties who receives mail"));
	}

	@Test
	void theLedgersRecipientFilterIsRefusedToAStrangerInTheReadersLanguage() {
		RestTestClient stranger = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("dn-editor", "EDITOR", "ORG-DN"));
		String uri = "/api/v1/notifications?recipient=nobody@x.example";

		JsonNode vi = problem(stranger.get().uri(uri).headers(language(VI)).exchange(), 403);
		assertThat(vi.get("title").asString()).isEqualTo("Không có quyền");
		assertThat(vi.get("detail").asString()).isEqualTo("Lọc theo người nhận cần agreementId của một thỏa thuận mà "
				+ "tổ chức của bạn là bên tham gia đã chấp thuận");
		// English as it was: that message carried both languages before the key existed
		JsonNode en = problem(stranger.get().uri(uri).exchange(), 403);
		assertThat(en.get("title").asString()).isEqualTo("Forbidden");
		assertThat(en.get("detail").asString())
			.isEqualTo("Lọc theo người nhận chỉ dành cho các bên đã chấp thuận của thỏa thuận (agreementId) / "
					+ "Filtering by recipient needs the agreementId of an agreement your organization is an accepted "
					+ "party of");
	}

	@Test
	void everyMessageHasItsVietnamese() {
		LocalizedProblems.assertEveryMessageHasItsVietnamese("messages");
		LocalizedProblems.assertEveryMessageHasItsVietnamese("ValidationMessages");
	}

	private String agreementWithParties() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String ld = "org-ld-" + run;
		String hcm = "org-hcm-" + run;
		String agreementId = "agr-localized-" + run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), ld, 1, organization(ld,
				new Contact("xuctien", "xuctien-" + run + "@ld.example", null, null, null, "vi", true))));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), hcm, 1, organization(hcm,
				new Contact("vanphong", "vanphong-" + run + "@hcm.example", null, null, null, "vi", true))));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				new AgreementState(agreementId, "IT-" + agreementId,
						new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
						List.of(new Party(ld, PartyRole.LEAD), new Party(hcm, PartyRole.PARTNER)),
						LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
						List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
						new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(hcm, ld), hcm, List.of(30, 7, 1)))));
		String known = "{\"agreementId\":\"" + agreementId + "\"}";
		await().until(() -> preview(known, null).expectBody().returnResult().getStatus().value() == 200);
		return agreementId;
	}

	private static OrganizationState organization(String id, Contact contact) {
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText("Ban Quản lý " + id, null),
				"INDUSTRIAL_ZONE_AUTHORITY", null, List.of(), List.of(contact), true);
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	private RestTestClient.ResponseSpec preview(String body, String language) {
		return post("/api/v1/reminders/preview", body, language, null);
	}

	private RestTestClient.ResponseSpec post(String uri, String body, String language, String ifMatch) {
		return ServiceClients.asAdmin(this.port).post().uri(uri).headers(language(language)).headers((headers) -> {
			if (ifMatch != null) {
				headers.set(HttpHeaders.IF_MATCH, ifMatch);
			}
		}).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

}
