package org.coophub.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton as a client sees it: the four services run as processes of the
 * local stack, and the test uses only their HTTP APIs (signed in as the scripts' client)
 * and the SMTP capture. A logged investment conference updates the dashboard, the review
 * schedule names the host of the year, and the other party's contacts receive an e-mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferenceFlowSystemTest {

	static final Duration PROPAGATION = Duration.ofSeconds(60);

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private LocalStack stack;

	@BeforeAll
	void startStack() {
		this.stack = SharedStack.get();
	}

	@Test
	void aLoggedConferenceReachesTheDashboardTheReviewScheduleAndTheOtherPartysInbox() throws Exception {
		String ld = post(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"ST-BQL-LD","name":{"vi":"Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
				 "en":"Lam Dong Province Industrial Zones Authority"},"kind":"INDUSTRIAL_ZONE_AUTHORITY",
				 "province":"Lâm Đồng","contacts":[{"name":"Phòng Xúc tiến Đầu tư",
				 "email":"xuctiendautu@st-lamdong.example","language":"vi"}]}
				""").get("id").asString();
		String hcm = post(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"ST-HEPZA","name":{"vi":"Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM"},
				 "kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"TP. Hồ Chí Minh",
				 "contacts":[{"name":"Văn phòng","email":"vanphong@st-hepza.example","language":"vi"}]}
				""").get("id").asString();
		HttpResponse<String> draft = send(StackService.AGREEMENT, "POST", "/api/v1/agreements", """
				{"code":"ST-CTHT","title":{"vi":"Chương trình hợp tác Lâm Đồng – TP.HCM"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2035-12-31","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(ld, hcm, hcm, ld, hcm));
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		String agreement = this.json.readTree(draft.body()).get("id").asString();
		// Every update names the version it was based on: the ETag of the draft just
		// created. The scripts' client (ADMIN) belongs to no party, so both parties are
		// pending: each accepts before the activation.
		String etag = draft.headers().firstValue("ETag").orElseThrow();
		for (String party : new String[] { ld, hcm }) {
			HttpResponse<String> accepted = send(StackService.AGREEMENT, "POST",
					"/api/v1/agreements/" + agreement + "/parties/" + party + "/accept", null, etag);
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
			etag = accepted.headers().firstValue("ETag").orElseThrow();
		}
		assertThat(send(StackService.AGREEMENT, "POST", "/api/v1/agreements/" + agreement + "/activate", null, etag)
			.statusCode()).isEqualTo(200);

		// yesterday's conference: news to the other party (one that ended weeks before it
		// was recorded is history, and mails nobody)
		LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
		String conference = """
				{"agreementId":"%s","type":"INVESTMENT_PROMOTION_CONFERENCE",
				 "title":{"vi":"Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng","en":"Investment promotion conference"},
				 "startsAt":"%sT08:00:00","endsAt":"%sT17:00:00",
				 "location":{"province":"TP. Hồ Chí Minh","venue":"Trung tâm Hội nghị"},
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"COMPLETED",
				 "outcomes":{"investorsAttending":120,"enterprisesAttending":45,"mousSigned":3,
				   "registeredCapital":{"amount":350000000000,"currency":"VND"}}}
				""".formatted(agreement, yesterday, yesterday, hcm, ld);
		HttpResponse<String> recorded = await().atMost(PROPAGATION)
			.until(() -> send(StackService.ACTIVITY, "POST", "/api/v1/activities", conference),
					(response) -> response.statusCode() != 422);
		assertThat(recorded.statusCode()).isEqualTo(201);

		JsonNode dashboard = await().atMost(PROPAGATION)
			.until(() -> getJson(StackService.REPORTING, "/api/v1/dashboard/agreements/" + agreement),
					(d) -> d != null && d.at("/conferenceTotals/conferences").asInt() == 1);
		assertThat(dashboard.at("/activitiesByType/INVESTMENT_PROMOTION_CONFERENCE").asInt()).isEqualTo(1);
		assertThat(dashboard.at("/conferenceTotals/investorsAttending").asInt()).isEqualTo(120);
		assertThat(dashboard.at("/conferenceTotals/registeredCapital/VND").decimalValue())
			.isEqualByComparingTo("350000000000");

		JsonNode schedule = await().atMost(PROPAGATION)
			.until(() -> getJson(StackService.NOTIFICATION, "/api/v1/agreements/" + agreement + "/review-schedule"),
					(s) -> s != null);
		assertThat(schedule.at("/next/hostOrganizationId").asString()).isEqualTo(ld);
		assertThat(schedule.at("/next/dueOn").asString()).endsWith("-11-06");

		JsonNode mail = await().atMost(PROPAGATION)
			.until(() -> mailTo("xuctiendautu@st-lamdong.example"), (m) -> m != null);
		assertThat(mail.get("subject").asString()).contains("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng");
		assertThat(mail.get("text").asString()).contains("Nhà đầu tư tham dự: 120")
			.contains(yesterday.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		assertThat(mailTo("vanphong@st-hepza.example")).as("the host is not told what it recorded itself").isNull();
	}

	private JsonNode mailTo(String address) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.stack.smtp().viewerUrl()).resolve("/api/messages")).build(),
				HttpResponse.BodyHandlers.ofString());
		for (JsonNode mail : this.json.readTree(response.body())) {
			for (JsonNode to : mail.get("to")) {
				if (to.asString().contains(address)) {
					return mail;
				}
			}
		}
		return null;
	}

	private JsonNode post(StackService service, String path, String body) throws Exception {
		HttpResponse<String> response = send(service, "POST", path, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return this.json.readTree(response.body());
	}

	private JsonNode getJson(StackService service, String path) throws Exception {
		HttpResponse<String> response = send(service, "GET", path, null);
		return (response.statusCode() == 200) ? this.json.readTree(response.body()) : null;
	}

	private HttpResponse<String> send(StackService service, String method, String path, String body) throws Exception {
		return send(service, method, path, body, null);
	}

	private HttpResponse<String> send(StackService service, String method, String path, String body, String ifMatch)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.stack.serviceUrl(service).resolve(path))
			.header("Authorization", "Bearer " + this.stack.accessToken())
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
