package org.coophub.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityCancelled;
import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityRescheduled;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History entered after the fact is kept in the ledger as SUPPRESSED, never mailed;
 * yesterday's conference is still news; partners of a planned activity hear once when it
 * moves or is cancelled. Every "no mail" is judged after a later notice on the same
 * agreement (and so the same partition) was mailed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class ActivityHistoryNoticesIntegrationTest {

	/** 10:00 on 1 March 2026 in Ho Chi Minh City. */
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
	MongoTemplate mongo;

	RestTestClient http;

	String run;

	String ld;

	String hcm;

	String dn;

	String agreementId;

	@BeforeEach
	void setUp() {
		this.clock.set(NOW);
		this.http = ServiceClients.asAdmin(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.ld = "org-ld-" + this.run;
		this.hcm = "org-hcm-" + this.run;
		this.dn = "org-dn-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, this.ld, 1,
				organization(this.ld, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
						List.of(contact("xuctien", "vi", false), contact("international", "en", false)))));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, this.hcm, 1, organization(this.hcm,
				"Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM", List.of(contact("vanphong", "vi", false)))));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, this.dn, 1,
				organization(this.dn, "Ban Quản lý các KCN Đồng Nai", List.of(contact("tonghop", "vi", true)))));
		this.agreementId = "agr-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, this.agreementId, 2, agreement()));
	}

	@Test
	void aConferenceThatEndedThreeYearsBeforeItWasRecordedIsSuppressedAndNotMailed() throws Exception {
		ActivityState history = conference("act-2023-" + this.run, LocalDate.of(2023, 2, 20), null);
		ActivityRecorded recorded = new ActivityRecorded(UUID.randomUUID().toString(), NOW, history.id(), 1, history);
		publish(recorded);
		publish(recorded);
		publish(new ActivityCompleted(UUID.randomUUID().toString(), NOW, history.id(), 2, history));

		// two contacts of Lâm Đồng, one of Đồng Nai (daily digest), for each event
		JsonNode suppressed = await().until(() -> ledger("SUPPRESSED"), (entries) -> entries.size() == 6);
		ActivityRecorded news = yesterdaysConference();

		assertThat(suppressed.findValuesAsString("reason"))
			.containsOnly("ended 2023-02-20, more than 14 days before it was recorded");
		assertThat(suppressed.findValuesAsString("kind")).containsOnly("activity-recorded", "activity-completed");
		assertThat(suppressed.findValuesAsString("id")).contains(
				"activity-recorded:" + recorded.eventId() + ":xuctien-" + this.run + "@ld.example",
				"activity-recorded:" + recorded.eventId() + ":tonghop-" + this.run + "@dn.example");
		assertThat(suppressed.findValuesAsString("subject")).as("what the mail would have said")
			.anyMatch((subject) -> subject.contains("hoạt động mới được ghi nhận"))
			.anyMatch((subject) -> subject.contains("activity completed"));
		assertNothingButTheNewsWasMailedOrCollected(news);
	}

	@Test
	void anActivityRecordedWithoutNoticeToPartnersIsSuppressedAndNotMailed() throws Exception {
		ActivityState quiet = conference("act-quiet-" + this.run, LocalDate.of(2026, 2, 28), false);
		publish(new ActivityRecorded(UUID.randomUUID().toString(), NOW, quiet.id(), 1, quiet));

		JsonNode suppressed = await().until(() -> ledger("SUPPRESSED"), (entries) -> entries.size() == 3);
		ActivityRecorded news = yesterdaysConference();

		assertThat(suppressed.findValuesAsString("reason")).containsOnly("notifyPartners=false");
		assertNothingButTheNewsWasMailedOrCollected(news);
	}

	@Test
	void partnersOfAPlannedActivityAreToldOnceWhenItMovesAndWhenItIsCancelled() throws Exception {
		ActivityState planned = plannedTraining(LocalDateTime.of(2026, 3, 20, 8, 0));
		ActivityState moved = plannedTraining(LocalDateTime.of(2026, 3, 27, 8, 0));
		ActivityRescheduled rescheduled = new ActivityRescheduled(UUID.randomUUID().toString(), NOW, planned.id(), 2,
				planned.startsAt(), planned.endsAt(), moved);
		publish(rescheduled);
		publish(rescheduled);

		List<MimeMessage> mails = await().until(() -> Mails.received(this.run, "activity-rescheduled:"),
				(m) -> m.size() >= 2);
		MimeMessage vi = Mails.to(mails, "xuctien-" + this.run + "@ld.example");
		assertThat(vi.getSubject())
			.isEqualTo("[Cooperation Hub] IT-" + this.agreementId + ": hoạt động đổi lịch — Tập huấn thu hút đầu tư");
		assertThat(Mails.text(vi)).contains("đã đổi lịch một hoạt động")
			.contains("Ngày cũ: 20/03/2026")
			.contains("Ngày mới: 27/03/2026");
		MimeMessage en = Mails.to(mails, "international-" + this.run + "@ld.example");
		assertThat(en.getSubject()).contains("activity rescheduled — Investment attraction training");
		assertThat(Mails.text(en)).contains("Previously: 20 March 2026").contains("New date: 27 March 2026");

		ActivityState dropped = new ActivityState(moved.id(), moved.agreementId(), moved.type(), moved.title(),
				moved.startsAt(), moved.endsAt(), moved.timeZone(), moved.location(), moved.hostOrganizationId(),
				moved.participantOrganizationIds(), moved.commitmentIds(), ActivityStatus.CANCELLED, null);
		ActivityCancelled cancelled = new ActivityCancelled(UUID.randomUUID().toString(), NOW, moved.id(), 3, dropped);
		publish(cancelled);
		publish(cancelled);

		mails = await().until(() -> Mails.received(this.run, "activity-cancelled:"), (m) -> m.size() >= 2);
		assertThat(Mails.to(mails, "xuctien-" + this.run + "@ld.example").getSubject())
			.contains("hoạt động bị hủy — Tập huấn thu hút đầu tư");
		assertThat(Mails.text(Mails.to(mails, "international-" + this.run + "@ld.example")))
			.contains("cancelled an activity")
			.contains("it will not take place")
			.contains("Date: 27 March 2026");
		await().until(() -> ledger("SENT").size() == 4);
		assertThat(Mails.received(this.run, "activity-")).as("each once, to the other parties only")
			.hasSize(4)
			.extracting(Mails::key)
			.doesNotHaveDuplicates()
			.noneMatch((key) -> key.contains("vanphong"));

		// the digest contact has both in the next morning's digest
		this.clock.set(Instant.parse("2026-03-02T01:00:00Z"));
		MimeMessage digest = await()
			.until(() -> Mails.received("tonghop-" + this.run, "activity-digest:"), (m) -> !m.isEmpty())
			.get(0);
		assertThat(Mails.text(digest)).contains("đã đổi lịch một hoạt động")
			.contains("Ngày cũ: 20/03/2026")
			.contains("đã hủy một hoạt động");
	}

	/**
	 * Publishes yesterday's conference and waits until its notices are mailed: the events
	 * published before it on the same agreement have been handled by then.
	 */
	private ActivityRecorded yesterdaysConference() {
		ActivityState yesterday = conference("act-news-" + this.run, LocalDate.of(2026, 2, 28), null);
		ActivityRecorded news = new ActivityRecorded(UUID.randomUUID().toString(), NOW, yesterday.id(), 1, yesterday);
		publish(news);
		await().until(() -> Mails.received(this.run, "activity-recorded:" + news.eventId()).size() == 2);
		return news;
	}

	private void assertNothingButTheNewsWasMailedOrCollected(ActivityRecorded news) {
		await().until(() -> ledger("SENT").size() == 2);
		assertThat(Mails.received(this.run, "")).extracting(Mails::key)
			.hasSize(2)
			.allMatch((key) -> key.startsWith("activity-recorded:" + news.eventId() + ":"));
		assertThat(ledger("SUPPRESSED").findValuesAsString("status")).as("never dispatched").containsOnly("SUPPRESSED");
		assertThat(this.mongo.count(Query.query(Criteria.where("agreementId").is(this.agreementId)), "digest_entries"))
			.as("only the news waits for the digest")
			.isOne();
	}

	private JsonNode ledger(String status) {
		JsonNode page = this.json.readTree(this.http.get()
			.uri("/api/v1/notifications?agreementId={id}&status={status}&size=100", this.agreementId, status)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		return page.path("content");
	}

	private void publish(DomainEvent event) {
		this.events.send(OutboxEntry.of(event, this.json.writeValueAsString(event)));
	}

	private Contact contact(String name, String language, boolean digest) {
		String domain = name.equals("tonghop") ? "dn" : name.equals("vanphong") ? "hcm" : "ld";
		return new Contact(name, name + "-" + this.run + "@" + domain + ".example", null, null, null, language, true,
				digest);
	}

	private static OrganizationState organization(String id, String name, List<Contact> contacts) {
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText(name, null), "INDUSTRIAL_ZONE_AUTHORITY",
				null, List.of(), contacts, true);
	}

	private AgreementState agreement() {
		return new AgreementState(this.agreementId, "IT-" + this.agreementId,
				new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(this.ld, PartyRole.LEAD), new Party(this.hcm, PartyRole.PARTNER),
						new Party(this.dn, PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.hcm, this.ld), this.hcm, List.of(30, 7, 1)));
	}

	private ActivityState conference(String id, LocalDate day, Boolean notifyPartners) {
		return new ActivityState(id, this.agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư ngày " + day, "Investment promotion conference of " + day),
				day.atTime(8, 0), day.atTime(17, 0), "Asia/Ho_Chi_Minh",
				new Location("TP. Hồ Chí Minh", "Trung tâm Hội nghị"), this.hcm, List.of(this.ld), List.of(),
				ActivityStatus.COMPLETED, new Outcomes(120, 45, 12, 3, 2, null), null, List.of(), notifyPartners);
	}

	private ActivityState plannedTraining(LocalDateTime startsAt) {
		return new ActivityState("act-training-" + this.run, this.agreementId, ActivityType.TRAINING,
				new LocalizedText("Tập huấn thu hút đầu tư", "Investment attraction training"), startsAt,
				startsAt.plusHours(4), "Asia/Ho_Chi_Minh", null, this.hcm, List.of(this.ld, this.dn), List.of(),
				ActivityStatus.PLANNED, null);
	}

}
