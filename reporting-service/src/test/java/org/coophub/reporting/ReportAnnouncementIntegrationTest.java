package org.coophub.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.coophub.events.DomainEvent;
import org.coophub.events.Topics;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
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
import org.coophub.testsupport.TopicProbe;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.StatusAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may announce an annual report on request, and for which years: a party's EDITOR or
 * an ADMIN, for a year of the agreement's period; announcing the same report again mails
 * nobody unless its content changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ReportAnnouncementIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Test
	void onlyAPartysEditorOrAnAdminAnnouncesOnlyForAYearOfThePeriodAndOnlyWhatChanged() {
		String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String agreementId = UUID.randomUUID().toString();
		String ld = register("LD-" + run, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng");
		String hcm = register("HCM-" + run, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM");
		register("DN-" + run, "Ban Quản lý các khu công nghiệp Đồng Nai");
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 1,
				new AgreementState(agreementId, "CTHT-" + run,
						new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", "Cooperation program"),
						List.of(new Party(ld, PartyRole.LEAD), new Party(hcm, PartyRole.PARTNER)),
						LocalDate.of(2019, 12, 1), LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31),
						"Asia/Ho_Chi_Minh", List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
						new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(hcm, ld), ld, List.of(30)))));
		publish(activity(agreementId, "first", LocalDateTime.of(2023, 5, 20, 8, 0)));
		RestTestClient admin = ServiceClients.asAdmin(this.port);
		await().until(() -> dashboard(admin, agreementId),
				(d) -> d != null && d.get("activityCount").asInt() == 1 && d.at("/parties/1/name/vi").isString());

		try (TopicProbe reports = TopicProbe.subscribe(Topics.REPORT_EVENTS)) {
			announce(editor("DN-" + run), agreementId, 2023).isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			announce(viewer("LD-" + run), agreementId, 2023).isForbidden();
			for (int outside : List.of(2019, 2025, 2200)) {
				announce(editor("LD-" + run), agreementId, outside).isEqualTo(422)
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody()
					.jsonPath("$.errors[0].field")
					.isEqualTo("year");
			}

			JsonNode first = body(announce(editor("LD-" + run), agreementId, 2023).isOk());
			assertThat(first.get("announced").asBoolean()).isTrue();
			JsonNode again = body(announce(editor("HCM-" + run), agreementId, 2023).isOk());
			assertThat(again.get("announced").asBoolean()).as("same content: nobody mailed again").isFalse();
			assertThat(again.get("contentHash").asString()).isEqualTo(first.get("contentHash").asString());

			publish(activity(agreementId, "second", LocalDateTime.of(2023, 6, 15, 8, 0)));
			await().until(() -> dashboard(admin, agreementId), (d) -> d.get("activityCount").asInt() == 2);
			JsonNode changed = body(announce(admin, agreementId, 2023).isOk());
			assertThat(changed.get("announced").asBoolean()).as("the content changed").isTrue();
			assertThat(changed.get("version").asLong()).isEqualTo(2);

			List<ConsumerRecord<String, String>> published = reports.awaitRecords((r) -> agreementId.equals(r.key()),
					2);
			assertThat(published).extracting((r) -> this.json.readTree(r.value()).get("version").asLong())
				.containsExactly(1L, 2L);
			assertThat(reports.received().stream().filter((r) -> agreementId.equals(r.key())))
				.as("nothing published for the refused and repeated requests")
				.hasSize(2);
		}
	}

	private StatusAssertions announce(RestTestClient client, String agreementId, int year) {
		return client.post().uri("/api/v1/agreements/{id}/reports/{year}", agreementId, year).exchange().expectStatus();
	}

	private JsonNode body(RestTestClient.ResponseSpec response) {
		return this.json.readTree(response.expectBody().returnResult().getResponseBody());
	}

	private JsonNode dashboard(RestTestClient client, String agreementId) {
		var result = client.get()
			.uri("/api/v1/dashboard/agreements/{id}", agreementId)
			.exchange()
			.expectBody()
			.returnResult();
		return result.getStatus().is2xxSuccessful() ? this.json.readTree(result.getResponseBody()) : null;
	}

	private RestTestClient editor(String organizationCode) {
		return ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("editor-" + organizationCode, "EDITOR", organizationCode));
	}

	private RestTestClient viewer(String organizationCode) {
		return ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("viewer-" + organizationCode, "VIEWER", organizationCode));
	}

	private String register(String code, String name) {
		String id = "org-" + code.toLowerCase();
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), id, 1,
				new OrganizationState(id, code, new LocalizedText(name, null), "INDUSTRIAL_ZONE_AUTHORITY", "Việt Nam",
						List.of(), List.of(), true)));
		return id;
	}

	private static ActivityRecorded activity(String agreementId, String name, LocalDateTime startsAt) {
		String id = name + "-" + agreementId;
		return new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), id, 1,
				new ActivityState(id, agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
						new LocalizedText("Hội nghị xúc tiến đầu tư", "Investment conference"), startsAt,
						startsAt.plusHours(8), "Asia/Ho_Chi_Minh", null, "org-x", List.of(), List.of(),
						ActivityStatus.COMPLETED, null));
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

}
