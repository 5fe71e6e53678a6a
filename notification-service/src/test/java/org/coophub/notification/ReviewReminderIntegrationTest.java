package org.coophub.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.coophub.events.DomainEvent;
import org.coophub.events.Topics;
import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.OrganizationUpdated;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TopicProbe;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Review reminders from agreement and activity events to mail received over SMTP: planned
 * per lead day at 08:00 in the agreement's zone, none from before the agreement was
 * known, after downtime only the latest one due, late and saying so, moved when the
 * review is rescheduled, stopped when it is held.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class ReviewReminderIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoTemplate mongo;

	RestTestClient http;

	String run;

	String ld;

	String hcm;

	@BeforeEach
	void setUp() {
		this.http = ServiceClients.asAdmin(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.ld = "org-ld-" + this.run;
		this.hcm = "org-hcm-" + this.run;
	}

	@Test
	void afterDowntimeOnlyTheLatestReminderGoesOutLateAndNoneFromBeforeTheAgreementWasKnown() throws Exception {
		this.clock.set(Instant.parse("2026-10-20T00:00:00Z"));
		registerParties();
		String agreementId = "agr-" + this.run;
		AgreementCreated created = new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), agreementId,
				2, agreement(agreementId));
		publish(created);
		publish(created);
		publish(new ActivityCompleted(UUID.randomUUID().toString(), this.clock.instant(), "act-conf-" + this.run, 2,
				conference(agreementId)));

		// lead 30 (7 October) passed before the agreement was known: never planned
		JsonNode planned = await().until(() -> reminders(agreementId, "PLANNED"), (r) -> r.size() == 12);
		assertThat(planned.findValuesAsString("id")).noneMatch((id) -> id.contains(":lead30:"));
		assertThat(planned.findValuesAsString("dueAt")).contains("2026-10-30T01:00:00Z", "2026-11-05T01:00:00Z");
		// the conference reaches the reminders' log on its own topic: in before the
		// reminder is due
		await().until(() -> this.mongo.exists(Query.query(Criteria.where("_id").is("act-conf-" + this.run)),
				"reminder_activities"));

		// the service was down from 20 October to 6 November (07:00 there): lead 7 and
		// lead
		// 1 passed; only the most recent goes out, late, the older one is superseded
		this.clock.set(Instant.parse("2026-11-06T00:00:00Z"));
		List<MimeMessage> mails = await().until(() -> Mails.received(this.run, "review:"), (m) -> m.size() >= 3);
		await().until(() -> reminders(agreementId, "SENT").size() == 3);
		JsonNode superseded = await().until(() -> reminders(agreementId, "CANCELLED"), (r) -> r.size() == 3);
		assertThat(superseded.findValuesAsString("id")).allMatch((id) -> id.contains(":lead7:"));

		assertThat(Mails.received(this.run, "review:")).hasSize(3).allMatch((m) -> Mails.key(m).contains(":lead1:"));
		assertThat(mails).extracting(Mails::key).doesNotHaveDuplicates();
		assertThat(reminders(agreementId, "SENT").findValuesAsString("late")).containsOnly("true");
		MimeMessage host = Mails.to(received(mails, ":lead1:"), "xuctien-" + this.run + "@ld.example");
		assertThat(host.getSubject())
			.isEqualTo("[Cooperation Hub] IT-" + agreementId + ": sơ kết năm 2026 vào ngày 06/11/2026");
		assertThat(Mails.hasPart(host, "text/html")).isTrue();
		// it tells the truth on the day it is read: the review is today, not in a day
		assertThat(Mails.text(host)).contains("diễn ra hôm nay, ngày 06/11/2026")
			.contains("Thư nhắc này được gửi muộn: lẽ ra được gửi ngày 05/11/2026")
			.doesNotContain("còn 1 ngày nữa")
			.contains("Năm nay Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng là đơn vị đăng cai")
			.contains("Hội nghị xúc tiến đầu tư, thương mại: 1")
			.contains("Nhà đầu tư tham dự: 120")
			.contains("Vốn đăng ký: 350.000.000.000 VND")
			.contains("Thu hút 2 dự án mỗi năm");
		MimeMessage guest = Mails.to(received(mails, ":lead1:"), "vanphong-" + this.run + "@hcm.example");
		assertThat(guest.getSubject()).contains("2026 annual review on 6 November 2026");
		assertThat(Mails.text(guest)).contains("takes place today, 6 November 2026")
			.contains("sent late: it was due to go out on 5 November 2026")
			.contains("Host this year: Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng");

		Calendar invitation = Mails.calendar(host);
		assertThat(invitation.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
		VEvent event = invitation.<VEvent>getComponent(Component.VEVENT).orElseThrow();
		assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
			.isEqualTo("review-" + agreementId + "-2026@coophub");
		assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20261106");
		assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");

		// the review is held (the event arrives twice): the rotation moves on, overdue
		// reminders are cancelled
		ActivityCompleted review = new ActivityCompleted(UUID.randomUUID().toString(), this.clock.instant(),
				"act-review-" + this.run, 2,
				annualReview(agreementId, LocalDate.of(2026, 11, 6), ActivityStatus.COMPLETED));
		try (TopicProbe probe = TopicProbe.fromLatest(Topics.NOTIFICATION_EVENTS)) {
			publish(review);
			publish(review);
			var held = probe.awaitRecord((r) -> agreementId.equals(TopicProbe.header(r, "ce_subject"))
					&& "org.coophub.review.held.v1".equals(TopicProbe.header(r, "ce_type")));
			JsonNode heldEvent = this.json.readTree(held.value());
			assertThat(heldEvent.at("/year").asInt()).isEqualTo(2026);
			assertThat(heldEvent.at("/hostOrganizationId").asString()).isEqualTo(this.ld);
			assertThat(heldEvent.at("/nextHostOrganizationId").asString()).isEqualTo(this.hcm);
		}
		JsonNode schedule = await().until(() -> schedule(agreementId),
				(s) -> s != null && "2027-11-06".equals(s.at("/next/dueOn").asString()));
		JsonNode held2026 = cycle(schedule, 2026);
		assertThat(held2026.at("/status").asString()).isEqualTo("HELD");
		assertThat(held2026.at("/hostOrganizationId").asString()).isEqualTo(this.ld);
		assertThat(schedule.at("/next/hostOrganizationId").asString()).isEqualTo(this.hcm);
		// from the program's first review day (6 November 2009) on: the years before the
		// agreement was known are MISSED, never reminded of
		assertThat(schedule.at("/cycles").size()).isEqualTo(19);
		assertThat(cycle(schedule, 2025).at("/status").asString()).isEqualTo("MISSED");
		JsonNode cancelled = await().until(() -> reminders(agreementId, "CANCELLED"), (r) -> r.size() == 9);
		assertThat(cancelled.findValuesAsString("id")).filteredOn((id) -> id.contains(":overdue")).hasSize(6);
		await().until(() -> reminders(agreementId, "PLANNED").size() == 15);
	}

	@Test
	void aRescheduledReviewCancelsTheOldRemindersAndUpdatesTheCalendarEntry() throws Exception {
		this.clock.set(Instant.parse("2026-09-01T00:00:00Z"));
		registerParties();
		String agreementId = "agr-moved-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), agreementId, 2,
				agreement(agreementId)));
		await().until(() -> reminders(agreementId, "PLANNED").size() == 15);

		publish(new ActivityRecorded(UUID.randomUUID().toString(), this.clock.instant(), "act-review-" + this.run, 1,
				annualReview(agreementId, LocalDate.of(2026, 11, 20), ActivityStatus.PLANNED)));
		await().until(() -> reminders(agreementId, "CANCELLED").size() == 15);
		JsonNode planned = await().until(() -> reminders(agreementId, "PLANNED"), (r) -> r.size() == 15);
		assertThat(planned.findValuesAsString("id")).allMatch((id) -> id.contains(":2026-11-20:"));
		JsonNode schedule = schedule(agreementId);
		assertThat(schedule.at("/next/dueOn").asString()).isEqualTo("2026-11-20");
		assertThat(schedule.at("/next/sequence").asInt()).isEqualTo(1);

		// 21 October, 09:00 in Ho Chi Minh City: the first reminder of the new date
		this.clock.set(Instant.parse("2026-10-21T02:00:00Z"));
		List<MimeMessage> mails = await().until(() -> Mails.received(this.run, "review:"), (m) -> m.size() >= 3);
		await().until(() -> reminders(agreementId, "SENT").size() == 3);
		assertThat(Mails.received(this.run, "review:")).hasSize(3).allMatch((m) -> Mails.key(m).contains(":lead30:"));
		assertThat(reminders(agreementId, "SENT").findValuesAsString("late")).containsOnly("false");
		VEvent event = Mails.calendar(mails.get(0)).<VEvent>getComponent(Component.VEVENT).orElseThrow();
		assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
			.isEqualTo("review-" + agreementId + "-2026@coophub");
		assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20261120");
		assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
	}

	@Test
	void aPreviewRendersWithoutSending() {
		this.clock.set(Instant.parse("2026-09-01T00:00:00Z"));
		registerParties();
		String agreementId = "agr-preview-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), agreementId, 2,
				agreement(agreementId)));
		await().until(() -> schedule(agreementId) != null);

		JsonNode preview = this.json.readTree(this.http.post()
			.uri("/api/v1/reminders/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"agreementId\":\"" + agreementId
					+ "\",\"offsetDays\":7,\"language\":\"en\",\"recipient\":\"xuctien-" + this.run + "@ld.example\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(preview.at("/subject").asString()).contains("2026 annual review on 6 November 2026");
		assertThat(preview.at("/text").asString()).contains("in 7 days").contains("hosts the annual review");
		assertThat(preview.at("/calendar").asString()).isNotBlank();
		assertThat(reminders(agreementId, "SENT")).isEmpty();

		this.http.post()
			.uri("/api/v1/reminders/preview")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"agreementId\":\"" + agreementId + "\",\"language\":\"fr\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(400)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("language");
	}

	@Test
	void contactChangesCancelAndPlanRemindersAndANewcomerGetsOnlyTheLatestDue() {
		this.clock.set(Instant.parse("2026-09-01T00:00:00Z"));
		registerParties();
		String agreementId = "agr-contacts-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), agreementId, 2,
				agreement(agreementId)));
		await().until(() -> reminders(agreementId, "PLANNED").size() == 15);

		// vanphong stops receiving mail
		publish(new OrganizationUpdated(UUID.randomUUID().toString(), this.clock.instant(), this.hcm, 2,
				organization(this.hcm, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM",
						List.of(contact("vanphong", "hcm", "en", false)))));
		JsonNode cancelled = await().until(() -> reminders(agreementId, "CANCELLED"), (r) -> r.size() == 5);
		assertThat(cancelled.findValuesAsString("recipient")).containsOnly("vanphong-" + this.run + "@hcm.example");

		// a new contact arrives on 10 October, after lead 30 (7 October)
		this.clock.set(Instant.parse("2026-10-10T00:00:00Z"));
		publish(new OrganizationUpdated(UUID.randomUUID().toString(), this.clock.instant(), this.hcm, 3,
				organization(this.hcm, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM",
						List.of(contact("vanphong", "hcm", "en", false), contact("moi", "hcm", "vi", true)))));

		// 4 each for the two others (lead 30 went out when the clock passed it) and 4 for
		// the newcomer
		JsonNode planned = await().until(() -> reminders(agreementId, "PLANNED"), (r) -> r.size() == 12);
		List<String> newcomer = planned.findValues("recipient")
			.stream()
			.map(JsonNode::asString)
			.filter(("moi-" + this.run + "@hcm.example")::equals)
			.toList();
		assertThat(newcomer).hasSize(4);
		assertThat(planned.findValuesAsString("id")).filteredOn((id) -> id.contains("moi-"))
			.noneMatch((id) -> id.contains(":lead30:"));
		// the agreement was known before lead 30: the newcomer gets it too, once and
		// late,
		// as the most recent reminder due (never a burst of older ones)
		List<MimeMessage> late = await().until(() -> Mails.received("moi-" + this.run, "review:"),
				(m) -> m.size() == 1);
		assertThat(Mails.key(late.get(0))).contains(":lead30:");
		assertThat(Mails.text(late.get(0))).contains("còn 27 ngày nữa").contains("gửi muộn");
		// due in November: lead 1 and the two overdue reminders of the three receiving
		// contacts
		JsonNode november = this.json.readTree(this.http.get()
			.uri("/api/v1/reminders?agreementId={id}&status=PLANNED&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z",
					agreementId)
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(november.at("/page/totalElements").asInt()).isEqualTo(9);
		assertThat(november.get("content").findValuesAsString("dueAt")).containsOnly("2026-11-05T01:00:00Z",
				"2026-11-07T01:00:00Z", "2026-11-13T01:00:00Z");
	}

	private static JsonNode cycle(JsonNode schedule, int year) {
		for (JsonNode cycle : schedule.get("cycles")) {
			if (cycle.at("/year").asInt() == year) {
				return cycle;
			}
		}
		throw new AssertionError("No " + year + " cycle in " + schedule);
	}

	private static List<MimeMessage> received(List<MimeMessage> mails, String moment) {
		return mails.stream().filter((m) -> Mails.key(m).contains(moment)).toList();
	}

	private void registerParties() {
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), this.clock.instant(), this.ld, 1,
				organization(this.ld, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
						List.of(contact("xuctien", "ld", "vi", true), contact("international", "ld", "en", true),
								contact("archive", "ld", "vi", false)))));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), this.clock.instant(), this.hcm, 1,
				organization(this.hcm, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM",
						List.of(contact("vanphong", "hcm", "en", true)))));
	}

	private JsonNode reminders(String agreementId, String status) {
		JsonNode page = this.json.readTree(this.http.get()
			.uri("/api/v1/reminders?agreementId={id}&status={status}&size=100", agreementId, status)
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody());
		return page.get("content");
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

	private Contact contact(String name, String domain, String language, boolean notify) {
		return new Contact(name, name + "-" + this.run + "@" + domain + ".example", null, null, null, language, notify);
	}

	private static OrganizationState organization(String id, String name, List<Contact> contacts) {
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText(name, null), "INDUSTRIAL_ZONE_AUTHORITY",
				null, List.of(), contacts, true);
	}

	private AgreementState agreement(String id) {
		Commitment open = new Commitment("c-1",
				new LocalizedText("Thu hút 2 dự án mỗi năm", "Attract 2 projects a year"), Area.INVESTMENT_PROMOTION,
				this.ld, null, LocalDate.of(2026, 12, 31), CommitmentStatus.OPEN);
		return new AgreementState(id, "IT-" + id, new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(this.ld, PartyRole.LEAD), new Party(this.hcm, PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(open),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.hcm, this.ld), this.hcm, List.of(30, 7, 1)));
	}

	private ActivityState conference(String agreementId) {
		return new ActivityState("act-conf-" + this.run, agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng", "Investment promotion conference"),
				LocalDateTime.of(2026, 5, 18, 8, 0), LocalDateTime.of(2026, 5, 18, 17, 0), "Asia/Ho_Chi_Minh",
				new Location("TP. Hồ Chí Minh", "Trung tâm Hội nghị"), this.hcm, List.of(this.ld), List.of(),
				ActivityStatus.COMPLETED, new Outcomes(120, 45, 12, 3, 2,
						new org.coophub.events.common.Money(new java.math.BigDecimal("350000000000"), "VND")));
	}

	private ActivityState annualReview(String agreementId, LocalDate day, ActivityStatus status) {
		return new ActivityState("act-review-" + this.run, agreementId, ActivityType.ANNUAL_REVIEW,
				new LocalizedText("Hội nghị sơ kết năm 2026", "2026 annual review"), day.atTime(8, 0),
				day.atTime(11, 0), "Asia/Ho_Chi_Minh", new Location("Lâm Đồng", "Đà Lạt"), this.ld, List.of(this.hcm),
				List.of(), status, null);
	}

}
