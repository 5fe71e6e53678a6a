package org.coophub.systemtests.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The services' APIs as the scripts' client (role ADMIN) calls them, straight and not
 * through the workspace: to set up what a test needs and to check what was stored.
 */
final class ScriptsApi {

	static final Duration PROPAGATION = Duration.ofSeconds(60);

	/** The program's clock: where both boards are. */
	static final ZoneId PROGRAM_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LocalStack stack;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ScriptsApi(LocalStack stack) {
		this.stack = stack;
	}

	JsonNode get(StackService service, String path) {
		HttpResponse<String> response = send(service, "GET", path, null);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/**
	 * The {@code ETag} of a resource: the version an update must name in
	 * {@code If-Match}.
	 */
	String etag(StackService service, String path) {
		HttpResponse<String> response = send(service, "GET", path, null);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.headers().firstValue("ETag").orElseThrow();
	}

	/** A text resource, e.g. the import template. */
	String text(StackService service, String path) {
		HttpResponse<String> response = send(service, "GET", path, null);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	/** The id of an organization by its code, e.g. {@code BQL-LD} of the demo data. */
	String organizationId(String code) {
		for (JsonNode organization : get(StackService.AGREEMENT, "/api/v1/organizations?size=200").path("content")) {
			if (code.equals(organization.path("code").asString())) {
				return organization.path("id").asString();
			}
		}
		throw new IllegalStateException("No organization " + code);
	}

	/**
	 * An active agreement between the demo data's two boards, each party having accepted,
	 * which activity-service already knows (an activity for it is accepted).
	 * @param code its unique code
	 * @param title its Vietnamese title
	 * @return its id
	 */
	String activeAgreementOfBothBoards(String code, String title) {
		String lamDong = organizationId("BQL-LD");
		String hcmc = organizationId("BQL-HCM");
		HttpResponse<String> created = send(StackService.AGREEMENT, "POST", "/api/v1/agreements", """
				{"code":"%s","title":{"vi":%s,"en":"Workspace test program %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2025-01-15","startsOn":"2025-01-15","endsOn":"2035-12-31","areas":["INVESTMENT_PROMOTION"],
				 "commitments":[{"title":{"vi":"Phối hợp tổ chức hội nghị xúc tiến đầu tư mỗi năm",
				   "en":"Jointly hold an investment promotion conference each year"},
				   "area":"INVESTMENT_PROMOTION","target":{"metric":"CONFERENCES","perYear":1,"measure":"ACTIVITIES",
				   "activityTypes":["INVESTMENT_PROMOTION_CONFERENCE"]}}],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(code, JSON.writeValueAsString(title), code, lamDong, hcmc, hcmc, lamDong, hcmc));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String agreement = JSON.readTree(created.body()).path("id").asString();
		String etag = created.headers().firstValue("ETag").orElseThrow();
		// the scripts' client belongs to neither party: each acceptance is its own update
		for (String party : new String[] { lamDong, hcmc }) {
			HttpResponse<String> accepted = send(StackService.AGREEMENT, "POST",
					"/api/v1/agreements/" + agreement + "/parties/" + party + "/accept", null, "If-Match", etag);
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
			etag = accepted.headers().firstValue("ETag").orElseThrow();
		}
		HttpResponse<String> activated = send(StackService.AGREEMENT, "POST",
				"/api/v1/agreements/" + agreement + "/activate", null, "If-Match", etag);
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
		// activity-service learns of the agreement from its event: once it accepts an
		// activity for it, it accepts the form's too
		LocalDate inThreeWeeks = LocalDate.now(PROGRAM_ZONE).plusWeeks(3);
		String preparation = """
				{"agreementId":"%s","type":"JOINT_MEETING",
				 "title":{"vi":"Họp trù bị chương trình %s","en":"Preparatory meeting %s"},
				 "startsAt":"%sT09:00:00","endsAt":"%sT11:00:00",
				 "location":{"province":"Lâm Đồng","venue":"Văn phòng Ban Quản lý"},
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"PLANNED",
				 "notifyPartners":false}
				""".formatted(agreement, code, code, inThreeWeeks, inThreeWeeks, lamDong, hcmc);
		HttpResponse<String> recorded = await().atMost(PROPAGATION)
			.alias("activity-service knows the agreement")
			.until(() -> send(StackService.ACTIVITY, "POST", "/api/v1/activities", preparation),
					(response) -> response.statusCode() != 422);
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		return agreement;
	}

	/** The activities of an agreement, as activity-service lists them. */
	JsonNode activities(String agreement) {
		return get(StackService.ACTIVITY, "/api/v1/activities?agreementId=" + agreement + "&size=100").path("content");
	}

	HttpResponse<String> send(StackService service, String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.stack.serviceUrl(service).resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.stack.accessToken())
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
