package org.coophub.systemtests.security;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.mail.CapturedMail;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.coophub.systemtests.security.AttackHttp.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Party consent through the real services and events: an organization named in an
 * agreement by someone else is a party only once its own EDITOR accepts. Until then the
 * agreement cannot be activated, the other parties' users do not see its contacts'
 * addresses, its contacts are mailed nothing, and the dashboard lists it as awaiting
 * acceptance.
 * <p>
 * The story, on the shared stack (whose demo agreement already joins BQL-LD and BQL-HCM):
 * hcm-editor drafts an agreement of BQL-HCM with BQL-LD; BQL-HCM, the creator's own
 * organization, has accepted and BQL-LD is pending, so the activation is refused until
 * ld-editor accepts for BQL-LD. Then hcm-editor adds a new organization by amendment: it
 * is pending, its contacts' addresses stay hidden from BQL-HCM's users and it is not
 * mailed about the meeting hcm-editor records, which BQL-LD's contacts are.
 */
class PartyConsentSystemTest {

	static final Duration PROPAGATION = Duration.ofSeconds(60);

	private final LocalStack stack = SharedStack.get();

	private final AttackHttp http = new AttackHttp();

	private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

	private final String newcomerEmail = "xuctien-" + this.suffix.toLowerCase(Locale.ROOT) + "@pc-ductrong.example";

	@Test
	void aPartyNamedBySomeoneElseTakesPartOnlyOnceItsEditorAccepts() {
		String hcmEditor = new UserSignIn(this.stack).tokens("hcm-editor").access();
		String hcmViewer = new UserSignIn(this.stack).tokens("hcm-viewer").access();
		String ldEditor = new UserSignIn(this.stack).tokens("ld-editor").access();
		String hcm = organizationId("BQL-HCM");
		String lamDong = organizationId("BQL-LD");

		Answer draft = this.http.send(url(StackService.AGREEMENT, "/api/v1/agreements"), "POST", hcmEditor, """
				{"code":"PC-%s","title":{"vi":"Chương trình xúc tiến đầu tư chung %s",
				 "en":"Joint investment promotion program %s"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2025-03-01","startsOn":"2025-03-01","endsOn":"2030-12-31","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(this.suffix, this.suffix, this.suffix, hcm, lamDong, hcm, lamDong, lamDong));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		String agreement = draft.json().get("id").asString();
		String path = "/api/v1/agreements/" + agreement;
		assertThat(consentOf(draft.json(), hcm)).as("the creator's own organization").isEqualTo("ACCEPTED");
		assertThat(consentOf(draft.json(), lamDong)).isEqualTo("PENDING");
		assertThat(ids(draft.json().path("awaitingAcceptance"))).containsExactly(lamDong);

		Answer refused = this.http.send(url(StackService.AGREEMENT, path + "/activate"), "POST", hcmEditor,
				(byte[]) null, "If-Match", draft.header("etag"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.isProblem()).isTrue();
		assertThat(ids(refused.json().path("awaitingAcceptance"))).containsExactly(lamDong);
		await().atMost(PROPAGATION)
			.until(() -> adminGet(StackService.REPORTING, "/api/v1/dashboard/agreements/" + agreement),
					(dashboard) -> dashboard.status() == 200
							&& dashboard.json().path("awaitingAcceptance").toString().contains(lamDong));

		Answer accepted = this.http.send(url(StackService.AGREEMENT, path + "/parties/" + lamDong + "/accept"), "POST",
				ldEditor, "{\"note\":\"Ban Quản lý KCN Lâm Đồng đồng ý tham gia\"}", "If-Match", draft.header("etag"));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.header("etag")).isNotEqualTo(draft.header("etag"));
		assertThat(consentOf(accepted.json(), lamDong)).isEqualTo("ACCEPTED");
		assertThat(accepted.json().path("awaitingAcceptance").isEmpty()).isTrue();
		Answer activated = this.http.send(url(StackService.AGREEMENT, path + "/activate"), "POST", hcmEditor,
				(byte[]) null, "If-Match", accepted.header("etag"));
		assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
		assertThat(activated.json().path("status").asString()).isEqualTo("ACTIVE");
		await().atMost(PROPAGATION)
			.until(() -> adminGet(StackService.REPORTING, "/api/v1/dashboard/agreements/" + agreement),
					(dashboard) -> dashboard.status() == 200 && dashboard.json().path("awaitingAcceptance").isEmpty()
							&& "ACTIVE".equals(dashboard.json().at("/agreement/status").asString()));

		String newcomer = adminCreated("/api/v1/organizations",
				"""
						{"code":"PC-X-%s","name":{"vi":"Ban Quản lý KCN Đức Trọng %s","en":"Duc Trong Industrial Zone Authority"},
						 "kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
						 "contacts":[{"name":"Phòng Xúc tiến","email":"%s","language":"vi","notify":true}]}
						"""
					.formatted(this.suffix, this.suffix, this.newcomerEmail));
		Answer amended = this.http.send(url(StackService.AGREEMENT, path), "PATCH", hcmEditor, """
				{"parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"},
				 {"organizationId":"%s","role":"PARTNER"}],"note":"Mời Ban Quản lý KCN Đức Trọng tham gia"}
				""".formatted(hcm, lamDong, newcomer), "If-Match", activated.header("etag"));
		assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
		assertThat(consentOf(amended.json(), newcomer)).isEqualTo("PENDING");
		assertThat(consentOf(amended.json(), lamDong)).as("an amendment keeps a party's answer").isEqualTo("ACCEPTED");

		for (String reader : List.of(hcmViewer, hcmEditor)) {
			Answer seen = this.http.get(url(StackService.AGREEMENT, "/api/v1/organizations/" + newcomer), reader);
			assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
			assertThat(seen.body()).as("BQL-HCM's users do not see a pending party's addresses")
				.doesNotContain(this.newcomerEmail);
		}
		assertThat(adminGet(StackService.AGREEMENT, "/api/v1/organizations/" + newcomer).body())
			.as("the secretariat does")
			.contains(this.newcomerEmail);

		String title = "Họp liên tịch xúc tiến đầu tư " + this.suffix;
		LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
		String meeting = """
				{"agreementId":"%s","type":"JOINT_MEETING","title":{"vi":"%s","en":"Joint meeting %s"},
				 "startsAt":"%sT08:00:00","endsAt":"%sT17:00:00",
				 "location":{"province":"TP. Hồ Chí Minh","venue":"Văn phòng Ban Quản lý"},
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"COMPLETED"}
				""".formatted(agreement, title, this.suffix, yesterday, yesterday, hcm, lamDong);
		Answer recorded = await().atMost(PROPAGATION)
			.until(() -> this.http.send(url(StackService.ACTIVITY, "/api/v1/activities"), "POST", hcmEditor, meeting),
					(answer) -> answer.status() != 422);
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		await().atMost(PROPAGATION)
			.until(() -> mailsAbout(title).stream()
				.anyMatch(
						(mail) -> mail.recipients().stream().anyMatch((to) -> to.endsWith("@bqlkcn-lamdong.example"))));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.stack.smtp().messagesTo(this.newcomerEmail).isEmpty());

		Answer newcomerAccepts = this.http.send(url(StackService.AGREEMENT, path + "/parties/" + newcomer + "/accept"),
				"POST", admin(), (byte[]) null, "If-Match", amended.header("etag"));
		assertThat(newcomerAccepts.status()).as(newcomerAccepts.toString()).isEqualTo(200);
		assertThat(this.http.get(url(StackService.AGREEMENT, "/api/v1/organizations/" + newcomer), hcmViewer).body())
			.as("once it accepted, the agreement shares its contacts")
			.contains(this.newcomerEmail);
	}

	private List<CapturedMail> mailsAbout(String title) {
		return this.stack.smtp()
			.messages()
			.stream()
			.filter((mail) -> mail.subject() != null && mail.subject().contains(title))
			.toList();
	}

	private static String consentOf(JsonNode agreement, String organizationId) {
		for (JsonNode party : agreement.path("parties")) {
			if (organizationId.equals(party.path("organizationId").asString())) {
				return party.path("consent").asString();
			}
		}
		throw new AssertionError(organizationId + " is no party of " + agreement);
	}

	private static List<String> ids(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false)
			.map((id) -> id.isString() ? id.asString() : id.path("organizationId").asString())
			.toList();
	}

	private String organizationId(String code) {
		Answer page = adminGet(StackService.AGREEMENT, "/api/v1/organizations?size=200");
		for (JsonNode organization : page.json().path("content")) {
			if (code.equals(organization.path("code").asString())) {
				return organization.path("id").asString();
			}
		}
		throw new AssertionError("No organization " + code + " in " + page);
	}

	private String adminCreated(String path, String body) {
		Answer answer = this.http.send(url(StackService.AGREEMENT, path), "POST", admin(), body);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json().get("id").asString();
	}

	private Answer adminGet(StackService service, String path) {
		return this.http.get(url(service, path), admin(), "Accept", "application/json");
	}

	private String admin() {
		return this.stack.accessToken();
	}

	private URI url(StackService service, String path) {
		return URI.create(this.stack.serviceUrl(service) + path);
	}

}
