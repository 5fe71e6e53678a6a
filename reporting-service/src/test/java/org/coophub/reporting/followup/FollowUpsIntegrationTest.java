package org.coophub.reporting.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.Target;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.notification.NotificationFailed;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.WithInfrastructure;
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
 * "My follow-ups" from the portfolio summaries: an organization sees the reviews due and
 * the commitments behind target of its own agreements, its own pending acceptances and
 * the agreements whose mail failed; the secretariat sees every agreement's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class FollowUpsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Test
	void eachOrganizationSeesItsOwnFollowUpsAndTheSecretariatSeesAll() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String ld = organization("ld-" + run, "LD-" + run, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng");
		String hcm = organization("hcm-" + run, "HEPZA-" + run, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM");
		String dn = organization("dn-" + run, "DN-" + run, "Ban Quản lý các KCN Đồng Nai");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

		// Lâm Đồng's program: a review in ten days, two commitments behind (one Lâm
		// Đồng's,
		// one HEPZA's), Đồng Nai not answered yet, a reminder that failed
		String ours = "fu-ours-" + run;
		Commitment conferences = new Commitment("c-conf", new LocalizedText("Hội nghị xúc tiến đầu tư hằng năm", null),
				Area.INVESTMENT_PROMOTION, ld, new Target("conferences", 2), null, CommitmentStatus.IN_PROGRESS);
		Commitment visits = new Commitment("c-visit", new LocalizedText("Khảo sát thực tế", null), Area.OTHER, hcm,
				new Target("visits", 1), null, CommitmentStatus.OPEN);
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), ours, 1,
				agreement(ours, "FU-A-" + run,
						List.of(new Party(ld, PartyRole.LEAD, PartyConsent.ACCEPTED),
								new Party(hcm, PartyRole.PARTNER, PartyConsent.ACCEPTED),
								new Party(dn, PartyRole.PARTNER, PartyConsent.PENDING)),
						List.of(conferences, visits))));
		publish(new ReviewScheduled(UUID.randomUUID().toString(), Instant.now(), ours, 2, today.plusDays(10).getYear(),
				today.plusDays(10), hcm, ReviewCycleStatus.UPCOMING));
		publish(new NotificationFailed(UUID.randomUUID().toString(), Instant.now(), "fu-n-" + run, 1, ours,
				"review-reminder", "vanphong@example.org", 5, "550 mailbox unavailable"));
		// HEPZA and Đồng Nai's program, Lâm Đồng not a party: its overdue review is not
		// Lâm Đồng's
		String theirs = "fu-theirs-" + run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), theirs, 1,
				agreement(theirs, "FU-B-" + run, List.of(new Party(hcm, PartyRole.LEAD, PartyConsent.ACCEPTED),
						new Party(dn, PartyRole.PARTNER, PartyConsent.ACCEPTED)), List.of())));
		publish(new ReviewScheduled(UUID.randomUUID().toString(), Instant.now(), theirs, 2,
				today.minusDays(3).getYear(), today.minusDays(3), dn, ReviewCycleStatus.OVERDUE));
		// and a review months ahead is nothing to follow up yet
		String later = "fu-later-" + run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), Instant.now(), later, 1,
				agreement(later, "FU-C-" + run, List.of(new Party(dn, PartyRole.LEAD, PartyConsent.ACCEPTED),
						new Party(ld, PartyRole.PARTNER, PartyConsent.ACCEPTED)), List.of())));
		publish(new ReviewScheduled(UUID.randomUUID().toString(), Instant.now(), later, 2,
				today.plusDays(200).getYear(), today.plusDays(200), dn, ReviewCycleStatus.UPCOMING));

		await().alias("the review months ahead reached the dashboard")
			.until(() -> get(ServiceClients.asAdmin(this.port), "/api/v1/dashboard/agreements/" + later),
					(dashboard) -> dashboard != null
							&& today.plusDays(200).toString().equals(dashboard.at("/nextReview/dueOn").asString(null)));
		JsonNode lamDong = await().until(() -> followUps("ld-editor", "EDITOR", "LD-" + run),
				(answer) -> answer.path("reviews").size() == 1 && answer.path("failedMail").size() == 1
						&& answer.at("/reviews/0/hostName/vi").isString());
		assertThat(lamDong.path("organizationId").asString()).isEqualTo(ld);
		assertThat(lamDong.at("/reviews/0/agreement/id").asString()).isEqualTo(ours);
		assertThat(lamDong.at("/reviews/0/dueOn").asString()).isEqualTo(today.plusDays(10).toString());
		assertThat(lamDong.at("/reviews/0/hostName/vi").asString())
			.isEqualTo("Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM");
		assertThat(lamDong.at("/reviews/0/overdue").asBoolean()).isFalse();
		assertThat(lamDong.path("commitments").findValuesAsString("commitmentId"))
			.as("behind target, and Lâm Đồng's to do")
			.containsExactly("c-conf");
		assertThat(lamDong.at("/commitments/0/title/vi").asString()).isEqualTo("Hội nghị xúc tiến đầu tư hằng năm");
		assertThat(lamDong.at("/commitments/0/target").asInt()).isEqualTo(2);
		assertThat(lamDong.at("/commitments/0/planned").asInt()).isZero();
		assertThat(lamDong.path("acceptance")).as("Lâm Đồng accepted; Đồng Nai's answer is Đồng Nai's").isEmpty();
		assertThat(lamDong.at("/failedMail/0/agreement/code").asString()).isEqualTo("FU-A-" + run);
		assertThat(lamDong.at("/failedMail/0/failed").asInt()).isEqualTo(1);

		JsonNode dongNai = await().until(() -> followUps("dn-viewer", "VIEWER", "DN-" + run),
				(answer) -> answer.path("reviews").size() == 2 && answer.path("acceptance").size() == 1);
		assertThat(dongNai.path("acceptance").findValuesAsString("organizationId")).containsExactly(dn);
		assertThat(dongNai.at("/acceptance/0/agreement/id").asString()).isEqualTo(ours);
		assertThat(dongNai.at("/acceptance/0/name/vi").asString()).isEqualTo("Ban Quản lý các KCN Đồng Nai");
		assertThat(dongNai.path("reviews").findValuesAsString("id")).containsExactly(theirs, ours);
		assertThat(dongNai.at("/reviews/0/overdue").asBoolean()).isTrue();
		assertThat(dongNai.path("commitments").findValuesAsString("commitmentId"))
			.as("neither commitment is Đồng Nai's")
			.isEmpty();

		JsonNode secretariat = followUps("secretariat", "ADMIN", null);
		assertThat(secretariat.path("organizationId").isNull()).isTrue();
		assertThat(secretariat.path("reviews").findValuesAsString("id")).contains(ours, theirs).doesNotContain(later);
		assertThat(secretariat.path("acceptance").findValuesAsString("organizationId")).contains(dn);
		assertThat(secretariat.path("commitments").findValuesAsString("commitmentId")).contains("c-conf", "c-visit");

		JsonNode stranger = followUps("nobody", "EDITOR", "NOT-KNOWN-" + run);
		assertThat(stranger.path("reviews")).as("an organization the dashboards do not know has nothing").isEmpty();
		assertThat(stranger.path("organizationId").isNull()).isTrue();
	}

	private JsonNode followUps(String user, String role, String organizationCode) {
		RestTestClient client = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token(user, role, organizationCode));
		JsonNode answer = get(client, "/api/v1/follow-ups");
		assertThat(answer).as("follow-ups of " + user).isNotNull();
		return answer;
	}

	private JsonNode get(RestTestClient client, String path) {
		var result = client.get().uri(path).exchange().expectBody().returnResult();
		return result.getStatus().is2xxSuccessful() ? this.json.readTree(result.getResponseBody()) : null;
	}

	private String organization(String id, String code, String name) {
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), Instant.now(), id, 1,
				new OrganizationState(id, code, new LocalizedText(name, null), "INDUSTRIAL_ZONE_AUTHORITY", "Việt Nam",
						List.of(), List.of(), true)));
		return id;
	}

	private static AgreementState agreement(String id, String code, List<Party> parties, List<Commitment> commitments) {
		return new AgreementState(id, code, new LocalizedText("Chương trình hợp tác " + code, null), parties,
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, commitments, null);
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

}
