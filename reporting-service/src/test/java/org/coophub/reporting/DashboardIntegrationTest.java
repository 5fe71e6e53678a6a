package org.coophub.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.common.Money;
import org.coophub.events.notification.NotificationFailed;
import org.coophub.events.notification.NotificationSent;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewScheduled;
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
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events on Kafka become the agreement's dashboard; duplicates and stale versions change
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class DashboardIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	RestTestClient http;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
	}

	@Test
	void aRecordedConferenceShowsOnTheDashboardOnceEvenWhenDeliveredTwice() {
		String agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				DashboardTestData.agreement(agreementId)));
		ActivityRecorded conference = new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(),
				"act-1-" + agreementId, 1,
				DashboardTestData.conference(agreementId, "act-1-" + agreementId, 120, "350000000000"));
		publish(conference);
		publish(conference);
		ActivityRecorded second = new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(),
				"act-2-" + agreementId, 1,
				DashboardTestData.conference(agreementId, "act-2-" + agreementId, 30, "1000000000"));
		publish(second);

		JsonNode dashboard = await().until(() -> dashboard(agreementId),
				(d) -> d != null && d.get("activityCount").asInt() == 2 && d.hasNonNull("agreement"));

		assertThat(dashboard.at("/agreement/code").asString()).isEqualTo("IT-" + agreementId);
		assertThat(dashboard.at("/agreement/title/vi").asString()).isEqualTo("Chương trình hợp tác Lâm Đồng – TP.HCM");
		assertThat(dashboard.at("/activitiesByType/INVESTMENT_PROMOTION_CONFERENCE").asInt()).isEqualTo(2);
		assertThat(dashboard.at("/conferenceTotals/investorsAttending").asInt()).isEqualTo(150);
		assertThat(dashboard.at("/conferenceTotals/registeredCapital/VND").decimalValue())
			.isEqualByComparingTo("351000000000");
		List<String> listed = new java.util.ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode portfolio = this.json.readTree(this.http.get()
				.uri("/api/v1/dashboard?page={page}&size=200", page)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody());
			listed.addAll(portfolio.findValuesAsString("agreementId"));
			if (portfolio.size() < 200) {
				break;
			}
		}
		assertThat(listed).contains(agreementId);
	}

	@Test
	void reviewsNotificationsAndOrganizationsReachTheDashboardAndOlderVersionsArrivingLateAreIgnored() {
		String agreementId = UUID.randomUUID().toString();
		String host = "org-" + agreementId;
		OrganizationRegistered registered = new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(),
				host, 1, new OrganizationState(host, "HEPZA", new LocalizedText("Ban Quản lý HEPZA", "HEPZA"),
						"INDUSTRIAL_ZONE_AUTHORITY", "TP. Hồ Chí Minh", List.of(), List.of(), true));
		// written before "active" was part of the contract
		this.events.send(OutboxEntry.of(registered,
				this.json.writeValueAsString(registered).replace("\"active\":true", "\"active\":null")));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 1,
				DashboardTestData.agreement(agreementId)));
		String activityId = "act-" + agreementId;
		publish(new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), activityId, 2,
				DashboardTestData.conference(agreementId, activityId, 80, "5000")));
		publish(new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), activityId, 1,
				DashboardTestData.conference(agreementId, activityId, 10, "1")));
		publish(new ReviewScheduled(UUID.randomUUID().toString(), Instant.now(), agreementId, 3, 2025,
				LocalDate.of(2025, 11, 6), host, ReviewCycleStatus.UPCOMING));
		publish(new ReviewScheduled(UUID.randomUUID().toString(), Instant.now(), agreementId, 2, 2025,
				LocalDate.of(2025, 11, 1), "someone-else", ReviewCycleStatus.UPCOMING));
		publish(new NotificationSent(UUID.randomUUID().toString(), Instant.now(),
				"activity-recorded:" + agreementId + ":a@example.org", 1, agreementId, "review-reminder",
				"a@example.org", "vi", true));
		publish(new NotificationFailed(UUID.randomUUID().toString(), Instant.now(), "n2-" + agreementId, 1, agreementId,
				"review-reminder", "b@example.org", 5, "550 mailbox unavailable"));
		publish(new NotificationSent(UUID.randomUUID().toString(), Instant.now(), "n2-" + agreementId, 1, agreementId,
				"review-reminder", "b@example.org", "vi", false));

		JsonNode dashboard = await().until(() -> dashboard(agreementId),
				(d) -> d != null && d.at("/notifications/failed").asInt() == 1 && d.hasNonNull("nextReview")
						&& d.at("/conferenceTotals/investorsAttending").asInt() > 0
						&& d.at("/nextReview/hostName/vi").isString());

		assertThat(dashboard.at("/nextReview/hostOrganizationId").asString()).isEqualTo(host);
		assertThat(dashboard.at("/nextReview/hostName/vi").asString()).isEqualTo("Ban Quản lý HEPZA");
		assertThat(dashboard.at("/nextReview/dueOn").asString()).isEqualTo("2025-11-06");
		assertThat(dashboard.at("/notifications/sent").asInt()).isEqualTo(1);
		assertThat(dashboard.at("/notifications/late").asInt()).isEqualTo(1);
		assertThat(dashboard.at("/conferenceTotals/investorsAttending").asInt()).isEqualTo(80);
	}

	@Test
	void theActivitiesOfAViewExportAsCsvAndXlsx() throws Exception {
		String agreementId = UUID.randomUUID().toString();
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 1,
				DashboardTestData.agreement(agreementId)));
		publish(new ActivityRecorded(UUID.randomUUID().toString(), Instant.now(), "act-" + agreementId, 1,
				DashboardTestData.conference(agreementId, "act-" + agreementId, 120, "350000000000")));
		// the two events travel on different topics: wait for both, in whichever order
		// they came
		await().until(() -> dashboard(agreementId), (d) -> d != null && d.get("activityCount").asInt() == 1
				&& ("IT-" + agreementId).equals(d.at("/agreement/code").asString("")));

		String csv = this.http.get()
			.uri("/api/v1/dashboard/agreements/{id}/export.csv?year=2012", agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("\uFEFFMã chương trình,Mã hoạt động,Ngày bắt đầu");
		assertThat(lines.get(1)).startsWith("IT-" + agreementId + ",act-" + agreementId + ",2012-05-18")
			.contains("Hội nghị xúc tiến đầu tư")
			.contains(",120,")
			.contains("350000000000,VND");
		String otherYear = this.http.get()
			.uri("/api/v1/dashboard/agreements/{id}/export.csv?year=2013&lang=en", agreementId)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(otherYear.lines().toList()).hasSize(1).first().asString().contains("Program code");

		byte[] xlsx = this.http.get()
			.uri("/api/v1/dashboard/export.xlsx")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		StringBuilder sheets = new StringBuilder();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
		java.nio.file.Files.write(file, xlsx);
		try (var zip = new java.util.zip.ZipFile(file.toFile())) {
			for (var entry : java.util.Collections.list(zip.entries())) {
				if (entry.getName().startsWith("xl/")) {
					sheets.append(new String(zip.getInputStream(entry).readAllBytes(),
							java.nio.charset.StandardCharsets.UTF_8));
				}
			}
		}
		finally {
			java.nio.file.Files.delete(file);
		}
		// the writer escapes non-ASCII characters as XML character references
		String xml = java.util.regex.Pattern.compile("&#x([0-9a-f]+);")
			.matcher(sheets)
			.replaceAll((m) -> Character.toString(Integer.parseInt(m.group(1), 16)));
		assertThat(xml).contains("Hội nghị xúc tiến đầu tư").contains("act-" + agreementId).contains("Mã chương trình");
	}

	/**
	 * People reach the dashboard through the workspace, which signs them in and relays
	 * their token: this service has no sign-in, session or page of its own, and a browser
	 * without a token gets the API's 401, never a redirect to a sign-in form.
	 */
	@Test
	void isAResourceServerOnlyWithoutPagesOrSignIn() throws Exception {
		for (String path : List.of("/", "/index.html", "/oauth2/authorization/identity", "/api/v1/dashboard")) {
			java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
					.header("Accept", "text/html")
					.header("Cookie", "COOPHUB_SESSION=anything")
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(path).isEqualTo(401);
			assertThat(answer.headers().firstValue("Set-Cookie")).as(path + ": no session").isEmpty();
		}
		this.http.get().uri("/api/v1/me").exchange().expectStatus().isNotFound();
		assertThat(new org.springframework.core.io.ClassPathResource("static/index.html").exists())
			.as("the dashboard's page lives in the workspace")
			.isFalse();
	}

	@Test
	void anUnknownAgreementDashboardIsNotFoundAsProblemJson() {
		this.http.get()
			.uri("/api/v1/dashboard/agreements/{id}", "no-such-agreement")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("application/problem+json");
	}

	/**
	 * A party named but not accepted is shown awaiting acceptance, by name, with its
	 * consent, until its acceptance arrives.
	 */
	@Test
	void aPartyAwaitingAcceptanceIsShownUntilItAccepts() {
		String agreementId = "agr-consent-" + UUID.randomUUID();
		String dn = "org-dn-" + agreementId;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), dn, 1,
				new OrganizationState(dn, "DN-" + agreementId, new LocalizedText("Ban Quản lý các KCN Đồng Nai", null),
						"INDUSTRIAL_ZONE_AUTHORITY", "Đồng Nai", List.of(), List.of(), true)));
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), agreementId, 2,
				threeParties(agreementId, dn, PartyConsent.PENDING)));

		JsonNode pending = await().until(() -> dashboard(agreementId),
				(d) -> d != null && d.path("awaitingAcceptance").size() == 1
						&& !d.at("/awaitingAcceptance/0/name").isMissingNode()
						&& !d.at("/awaitingAcceptance/0/name").isNull());
		assertThat(pending.at("/awaitingAcceptance/0/organizationId").asString()).isEqualTo(dn);
		assertThat(pending.at("/awaitingAcceptance/0/name/vi").asString()).isEqualTo("Ban Quản lý các KCN Đồng Nai");
		assertThat(pending.at("/awaitingAcceptance/0/consent").asString()).isEqualTo("PENDING");
		assertThat(pending.path("parties").findValuesAsString("consent")).containsExactly("ACCEPTED", "ACCEPTED",
				"PENDING");

		publish(new PartyAccepted(UUID.randomUUID().toString(), Instant.now(), agreementId, 3,
				threeParties(agreementId, dn, PartyConsent.ACCEPTED), dn, "Đồng ý tham gia", "editor@DN"));

		JsonNode accepted = await().until(() -> dashboard(agreementId), (d) -> d.path("awaitingAcceptance").isEmpty());
		assertThat(accepted.path("parties").findValuesAsString("consent")).containsOnly("ACCEPTED");
		assertThat(accepted.at("/agreement/version").asLong()).isEqualTo(3);
	}

	private static AgreementState threeParties(String agreementId, String dn, PartyConsent dongNai) {
		AgreementState two = DashboardTestData.agreement(agreementId);
		return new AgreementState(agreementId, two.code(), two.title(),
				List.of(new Party("org-ld", PartyRole.LEAD, PartyConsent.ACCEPTED),
						new Party("org-hcm", PartyRole.PARTNER, null), new Party(dn, PartyRole.PARTNER, dongNai)),
				two.signedOn(), two.startsOn(), two.endsOn(), two.timeZone(), two.areas(), two.status(),
				two.commitments(), two.reviewPolicy());
	}

	private JsonNode dashboard(String agreementId) {
		var result = this.http.get()
			.uri("/api/v1/dashboard/agreements/{id}", agreementId)
			.exchange()
			.expectBody()
			.returnResult();
		return result.getStatus().is2xxSuccessful() ? this.json.readTree(result.getResponseBody()) : null;
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

}
