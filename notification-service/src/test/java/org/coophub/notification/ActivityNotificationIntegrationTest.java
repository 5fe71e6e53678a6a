package org.coophub.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityCompleted;
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
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.report.AnnualReportGenerated;
import org.coophub.platform.messaging.ParkedEvents;
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
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From events on Kafka to e-mail received by an SMTP server, once per recipient, in each
 * recipient's language; and the review schedule with the host of the year.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class ActivityNotificationIntegrationTest {

	static final Instant NOW = TestClockConfiguration.START;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	ParkedEvents parked;

	RestTestClient http;

	String run;

	String ld;

	String hcm;

	@BeforeEach
	void setUp() {
		this.clock.set(NOW);
		this.http = ServiceClients.asAdmin(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.ld = "org-ld-" + this.run;
		this.hcm = "org-hcm-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, this.ld, 1,
				organization(this.ld, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
						List.of(contact("xuctien", "vi", true), contact("international", "en", true),
								contact("archive", "vi", false)))));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, this.hcm, 1, organization(this.hcm,
				"Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM", List.of(contact("vanphong", "vi", true)))));
	}

	@Test
	void theOtherPartysContactsAreMailedOnceInTheirLanguage() throws Exception {
		String agreementId = "agr-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, agreementId, 2, agreement(agreementId)));
		ActivityRecorded conference = new ActivityRecorded(UUID.randomUUID().toString(), NOW, "act-" + this.run, 1,
				conference(agreementId));
		publish(conference);
		publish(conference);

		List<MimeMessage> mails = await().until(() -> mailsTo(this.run), (m) -> m.size() >= 2);
		String sentinelAgreement = "agr-sentinel-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, sentinelAgreement, 2,
				agreement(sentinelAgreement)));
		await().until(() -> schedule(sentinelAgreement) != null);
		await().until(() -> sentNotifications(agreementId) == 2);

		mails = mailsTo(this.run);
		assertThat(mails).hasSize(2);
		MimeMessage vi = mailTo(mails, "xuctien-" + this.run + "@ld.example");
		assertThat(vi.getSubject()).contains("hoạt động mới được ghi nhận")
			.contains("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng");
		assertThat(vi.getContentType()).startsWith("multipart/");
		MimeMessage en = mailTo(mails, "international-" + this.run + "@ld.example");
		assertThat(en.getSubject()).contains("new activity recorded").contains("Investment promotion conference");
		assertThat(TestInfrastructure.get().mail().textOf(en)).contains("Investors attending: 120");
		assertThat(TestInfrastructure.get().mail().textOf(vi)).contains("Nhà đầu tư tham dự: 120")
			.contains("28/02/2026");
	}

	@Test
	void anActivityArrivingBeforeItsAgreementIsParkedAndMailedOnceTheAgreementIsIn() throws Exception {
		String agreementId = "agr-late-" + this.run;
		long parkedBefore = this.parked.count();
		publish(new ActivityRecorded(UUID.randomUUID().toString(), NOW, "act-" + this.run, 1, conference(agreementId)));
		await().until(() -> this.parked.count() > parkedBefore);

		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, agreementId, 2, agreement(agreementId)));

		List<MimeMessage> mails = await().until(() -> mailsTo(this.run), (m) -> m.size() >= 2);
		assertThat(mailTo(mails, "xuctien-" + this.run + "@ld.example").getSubject())
			.contains("hoạt động mới được ghi nhận");
		await().until(() -> sentNotifications(agreementId) == 2);
	}

	@Test
	void recipientsAddressesAreShownToPartiesOfTheAgreementOnly() {
		String agreementId = "agr-seen-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, agreementId, 2, agreement(agreementId)));
		publish(new ActivityRecorded(UUID.randomUUID().toString(), NOW, "act-" + this.run, 1, conference(agreementId)));
		await().until(() -> sentNotifications(agreementId) == 2);

		JsonNode party = notificationsAs("VIEWER", this.ld.toUpperCase(), agreementId);
		JsonNode outsider = notificationsAs("VIEWER", "ORG-ELSEWHERE-" + this.run, agreementId);

		assertThat(party.path("content")).as("a party's viewer: the notices and reminders, with addresses")
			.isNotEmpty()
			.allSatisfy((notice) -> assertThat(notice.path("recipient").asString()).contains("-" + this.run + "@"));
		assertThat(outsider.path("content")).as("an outsider's viewer sees them too")
			.hasSameSizeAs(party.path("content"));
		assertThat(outsider.toString()).as("but not the addresses").doesNotContain("-" + this.run + "@");
	}

	private JsonNode notificationsAs(String role, String organizationCode, String agreementId) {
		return this.json.readTree(ServiceClients
			.as(this.port, TestInfrastructure.get().identity().token("reader", role, organizationCode))
			.get()
			.uri("/api/v1/notifications?agreementId={id}", agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	@Test
	void aCompletedActivityIsAnnouncedAsCompleted() throws Exception {
		String agreementId = "agr-done-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, agreementId, 2, agreement(agreementId)));
		publish(new ActivityCompleted(UUID.randomUUID().toString(), NOW, "act-" + this.run, 2,
				conference(agreementId)));

		List<MimeMessage> mails = await().until(() -> mailsTo(this.run), (m) -> m.size() >= 2);

		assertThat(mailTo(mails, "xuctien-" + this.run + "@ld.example").getSubject())
			.contains("hoạt động đã hoàn thành");
		assertThat(mailTo(mails, "international-" + this.run + "@ld.example").getSubject())
			.contains("activity completed");
	}

	@Test
	void theReviewScheduleNamesTheNextHostByRotation() {
		String agreementId = "agr-review-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, agreementId, 2, agreement(agreementId)));

		JsonNode schedule = await().until(() -> schedule(agreementId), (s) -> s != null);

		assertThat(schedule.at("/next/dueOn").asString()).isEqualTo("2026-11-06");
		assertThat(schedule.at("/next/hostOrganizationId").asString()).isEqualTo(this.ld);
		assertThat(schedule.at("/next/status").asString()).isEqualTo("UPCOMING");
	}

	@Test
	void contactsWhoChoseADailyDigestGetOneMailTheNextMorning() throws Exception {
		String dn = "org-dn-" + this.run;
		Contact digest = new Contact("tonghop", "tonghop-" + this.run + "@dn.example", null, null, null, "vi", true,
				true);
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, dn, 1,
				organization(dn, "Ban Quản lý các KCN Đồng Nai", List.of(digest))));
		String agreementId = "agr-digest-" + this.run;
		AgreementState three = agreement(agreementId);
		List<Party> parties = new java.util.ArrayList<>(three.parties());
		parties.add(new Party(dn, PartyRole.PARTNER));
		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, agreementId, 2,
				new AgreementState(three.id(), three.code(), three.title(), parties, three.signedOn(), three.startsOn(),
						three.endsOn(), three.timeZone(), three.areas(), three.status(), three.commitments(),
						three.reviewPolicy())));
		ActivityRecorded first = new ActivityRecorded(UUID.randomUUID().toString(), NOW, "act-" + this.run, 1,
				conference(agreementId));
		publish(first);
		publish(first);
		ActivityState second = conference(agreementId);
		publish(new ActivityCompleted(UUID.randomUUID().toString(), NOW, "act-2-" + this.run, 2,
				new ActivityState("act-2-" + this.run, agreementId, ActivityType.TRAINING,
						new LocalizedText("Tập huấn cải cách hành chính", "Administrative reform training"),
						second.startsAt(), second.endsAt(), second.timeZone(), second.location(), this.hcm,
						second.participantOrganizationIds(), List.of(), ActivityStatus.COMPLETED, null)));
		// the other parties' contacts who take each notice on its own have theirs
		await().until(() -> mailsTo(this.run).size() >= 4);

		// 08:00 the next morning in Ho Chi Minh City
		this.clock.set(Instant.parse("2026-03-02T01:00:00Z"));
		List<MimeMessage> mails = await().until(() -> mailsTo("tonghop-" + this.run), (m) -> !m.isEmpty());

		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).isEqualTo("[Cooperation Hub] Tổng hợp hoạt động ngày 01/03/2026 (2)");
		assertThat(TestInfrastructure.get().mail().textOf(mail))
			.contains("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng")
			.contains("Tập huấn cải cách hành chính")
			.contains("Nhà đầu tư tham dự: 120");
		assertThat(mail.getHeader("X-Coophub-Notification")[0]).startsWith("activity-digest:2026-03-01:");
	}

	@Test
	void aGeneratedAnnualReportIsLinkedToEveryContactOnce() throws Exception {
		String agreementId = "agr-report-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, agreementId, 2, agreement(agreementId)));
		AnnualReportGenerated report = new AnnualReportGenerated(UUID.randomUUID().toString(), NOW, agreementId, 1,
				2025, "/api/v1/agreements/" + agreementId + "/reports/2025", "ab12cd34");
		publish(report);
		publish(report);

		List<MimeMessage> mails = await().until(() -> mailsTo(this.run), (m) -> m.size() >= 3);
		await().until(() -> sentNotifications(agreementId) == 3);

		assertThat(mailsTo(this.run)).hasSize(3);
		MimeMessage en = mailTo(mails, "international-" + this.run + "@ld.example");
		assertThat(en.getSubject()).isEqualTo("[Cooperation Hub] IT-" + agreementId + ": 2025 annual review report");
		assertThat(TestInfrastructure.get().mail().textOf(en))
			.contains("http://localhost:8083/api/v1/agreements/" + agreementId + "/reports/2025")
			.contains("ab12cd34");
		assertThat(mailTo(mails, "vanphong-" + this.run + "@ld.example").getSubject())
			.contains("báo cáo sơ kết năm 2025");
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

	private static MimeMessage mailTo(List<MimeMessage> mails, String address) throws Exception {
		for (MimeMessage mail : mails) {
			if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
				return mail;
			}
		}
		throw new AssertionError("No mail to " + address);
	}

	private JsonNode schedule(String agreementId) {
		var result = this.http.get()
			.uri("/api/v1/agreements/{id}/review-schedule", agreementId)
			.exchange()
			.expectBody()
			.returnResult();
		return result.getStatus().is2xxSuccessful() ? this.json.readTree(result.getResponseBody()) : null;
	}

	private long sentNotifications(String agreementId) {
		JsonNode page = this.json.readTree(this.http.get()
			.uri("/api/v1/notifications?agreementId={id}", agreementId)
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody());
		return page.findValuesAsString("status").stream().filter("SENT"::equals).count();
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	private Contact contact(String name, String language, boolean notify) {
		return new Contact(name, name + "-" + this.run + "@ld.example", null, null, null, language, notify);
	}

	private static OrganizationState organization(String id, String name, List<Contact> contacts) {
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText(name, null), "INDUSTRIAL_ZONE_AUTHORITY",
				null, List.of(), contacts, true);
	}

	private AgreementState agreement(String id) {
		return new AgreementState(id, "IT-" + id, new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(this.ld, PartyRole.LEAD), new Party(this.hcm, PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.hcm, this.ld), this.hcm, List.of(30, 7, 1)));
	}

	/**
	 * Yesterday's conference, recorded today: news, not history, so it is mailed.
	 */
	private ActivityState conference(String agreementId) {
		return new ActivityState("act-" + this.run, agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng", "Investment promotion conference"),
				LocalDateTime.of(2026, 2, 28, 8, 0), LocalDateTime.of(2026, 2, 28, 17, 0), "Asia/Ho_Chi_Minh",
				new Location("TP. Hồ Chí Minh", "Trung tâm Hội nghị"), this.hcm, List.of(this.ld), List.of(),
				ActivityStatus.COMPLETED, new org.coophub.events.activity.Outcomes(120, 45, 12, 3, 2, null));
	}

}
