package org.coophub.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.coophub.events.DomainEvent;
import org.coophub.events.Topics;
import org.coophub.events.activity.ActivityCompleted;
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
import org.coophub.platform.outbox.EventSender;
import org.coophub.platform.outbox.OutboxEntry;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Review cycles by date: history loaded after the fact sends nothing and leaves the next
 * review in its year with the host the rotation gives; DUE announced once when the clock
 * reaches the first reminder; parties skip or move a cycle (If-Match, scope, rules,
 * events, history), and those already invited get a CANCEL or an updated invitation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class ReviewScheduleIntegrationTest {

	static final String SCHEDULED = "org.coophub.review.scheduled.v1";

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	@Autowired
	MutableClock clock;

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
	void historyLoadedOutOfOrderSendsNothingAndPlansTheNextReviewWithTheRotationsHost() {
		// the demo program, entered on 4 December 2026
		this.clock.set(Instant.parse("2026-12-04T03:00:00Z"));
		registerParties();
		String agreementId = "agr-history-" + this.run;
		try (TopicProbe probe = TopicProbe.fromLatest(Topics.NOTIFICATION_EVENTS)) {
			publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), agreementId, 2,
					agreement(agreementId)));
			publish(review(agreementId, "2012", LocalDate.of(2012, 11, 6), this.hcm));
			publish(review(agreementId, "2010", LocalDate.of(2010, 11, 5), this.hcm));
			publish(review(agreementId, "2011", LocalDate.of(2011, 11, 4), this.ld));
			probe.awaitRecords((r) -> of(r, agreementId, "org.coophub.review.held.v1"), 3);

			// the meetings may be applied in any order (one waits for the agreement,
			// another
			// does not): wait for all three
			JsonNode schedule = await().until(() -> schedule(agreementId),
					(s) -> s != null && held(s, 2010) && held(s, 2011) && held(s, 2012));
			assertThat(cycle(schedule, 2010).at("/heldOn").asString()).isEqualTo("2010-11-05");
			assertThat(cycle(schedule, 2010).at("/hostOrganizationId").asString()).isEqualTo(this.hcm);
			assertThat(cycle(schedule, 2010).at("/plannedHostOrganizationId").asString()).isEqualTo(this.ld);
			assertThat(cycle(schedule, 2011).at("/hostOrganizationId").asString()).isEqualTo(this.ld);
			assertThat(cycle(schedule, 2012).at("/heldOn").asString()).isEqualTo("2012-11-06");
			for (int year = 2013; year <= 2026; year++) {
				assertThat(cycle(schedule, year).at("/status").asString()).as("%d", year).isEqualTo("MISSED");
			}
			assertThat(schedule.at("/next/year").asInt()).isEqualTo(2027);
			assertThat(schedule.at("/next/dueOn").asString()).isEqualTo("2027-11-06");
			assertThat(schedule.at("/next/status").asString()).isEqualTo("UPCOMING");
			assertThat(schedule.at("/next/hostOrganizationId").asString()).isEqualTo(this.ld);
			assertThat(schedule.at("/next/rotation").asString()).isEqualTo("after " + this.hcm + " hosted 2012");
			assertThat(schedule.at("/knownSince").asString()).isEqualTo("2026-12-04T03:00:00Z");

			JsonNode planned = await().until(() -> reminders(agreementId, "PLANNED"), (r) -> r.size() == 15);
			assertThat(planned.findValuesAsString("dueAt")).contains("2027-10-07T01:00:00Z", "2027-10-30T01:00:00Z",
					"2027-11-05T01:00:00Z", "2027-11-07T01:00:00Z", "2027-11-13T01:00:00Z");
			// not a single mail, nor a DUE, about the history
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> Mails.received(this.run, "").isEmpty());
			assertThat(probe.received()).filteredOn((r) -> of(r, agreementId, SCHEDULED))
				.noneMatch((r) -> r.value().contains("\"DUE\""));
		}
	}

	@Test
	void dueIsPublishedOnceWhenTheClockReachesTheFirstReminder() {
		this.clock.set(Instant.parse("2026-09-01T00:00:00Z"));
		registerParties();
		String agreementId = "agr-due-" + this.run;
		try (TopicProbe probe = TopicProbe.fromLatest(Topics.NOTIFICATION_EVENTS)) {
			publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), agreementId, 2,
					agreement(agreementId)));
			await().until(() -> reminders(agreementId, "PLANNED").size() == 15);
			assertThat(schedule(agreementId).at("/next/status").asString()).isEqualTo("UPCOMING");

			// 7 October, 08:00 in Ho Chi Minh City: lead 30 of the 6 November review
			this.clock.set(Instant.parse("2026-10-07T01:00:00Z"));
			ConsumerRecord<String, String> due = probe
				.awaitRecord((r) -> of(r, agreementId, SCHEDULED) && r.value().contains("\"DUE\""));
			JsonNode event = this.json.readTree(due.value());
			assertThat(event.at("/year").asInt()).isEqualTo(2026);
			assertThat(event.at("/dueOn").asString()).isEqualTo("2026-11-06");
			assertThat(schedule(agreementId).at("/next/status").asString()).isEqualTo("DUE");
			await().until(() -> reminders(agreementId, "SENT").size() == 3);

			// later sweeps and another event announce nothing more
			this.clock.set(Instant.parse("2026-10-08T01:00:00Z"));
			publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), agreementId, 2,
					agreement(agreementId)));
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(4))
				.until(() -> probe.received()
					.stream()
					.filter((r) -> of(r, agreementId, SCHEDULED) && r.value().contains("\"DUE\""))
					.count() == 1);
		}
	}

	@Test
	void partiesSkipOrMoveACycleWithIfMatchWithinTheRules() {
		this.clock.set(Instant.parse("2026-09-01T00:00:00Z"));
		registerParties();
		String agreementId = "agr-skip-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), agreementId, 2,
				agreement(agreementId)));
		publish(review(agreementId, "2010", LocalDate.of(2010, 11, 5), this.hcm));
		await().until(() -> schedule(agreementId),
				(s) -> s != null && cycle(s, 2010) != null && "HELD".equals(cycle(s, 2010).at("/status").asString()));
		String etag = etag(agreementId);
		String path = "/api/v1/agreements/{id}/review-schedule/cycles/{year}/";
		String move = "{\"dueOn\":\"2026-11-20\",\"note\":\"Trùng lịch hội nghị\"}";

		post(this.http, path + "move", agreementId, 2026, move, null).expectStatus().isEqualTo(428);
		post(this.http, path + "move", agreementId, 2026, move, "\"0\"").expectStatus().isEqualTo(412);
		RestTestClient viewer = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("viewer", "VIEWER", null));
		post(viewer, path + "move", agreementId, 2026, move, etag).expectStatus().isEqualTo(403);
		RestTestClient stranger = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("dn-editor", "EDITOR", "ORG-DN"));
		post(stranger, path + "move", agreementId, 2026, move, etag).expectStatus().isEqualTo(403);
		problem(post(this.http, path + "skip", agreementId, 2010, "{\"note\":\"x\"}", etag), "year");
		problem(post(this.http, path + "skip", agreementId, 2031, "{\"note\":\"x\"}", etag), "year");
		problem(post(this.http, path + "move", agreementId, 2026, "{\"dueOn\":\"2027-01-10\"}", etag), "dueOn");
		problem(post(this.http, path + "move", agreementId, 2009, "{\"dueOn\":\"2009-10-01\"}", etag), "dueOn");
		assertThat(etag(agreementId)).isEqualTo(etag);

		RestTestClient editor = ServiceClients.as(this.port,
				TestInfrastructure.get().identity().token("ld-editor", "EDITOR", this.ld.toUpperCase()));
		try (TopicProbe probe = TopicProbe.fromLatest(Topics.NOTIFICATION_EVENTS)) {
			post(editor, path + "move", agreementId, 2026, move, etag).expectStatus().isOk();
			JsonNode moved = this.json
				.readTree(probe.awaitRecord((r) -> of(r, agreementId, SCHEDULED) && r.value().contains("Trùng lịch"))
					.value());
			assertThat(moved.at("/dueOn").asString()).isEqualTo("2026-11-20");
			assertThat(moved.at("/sequence").asInt()).isEqualTo(1);
			assertThat(moved.at("/actor").asString()).isEqualTo("ld-editor@" + this.ld.toUpperCase());

			post(editor, path + "skip", agreementId, 2026, "{\"note\":\"Dịch bệnh\"}", etag(agreementId)).expectStatus()
				.isOk();
			JsonNode skipped = this.json
				.readTree(probe.awaitRecord((r) -> of(r, agreementId, SCHEDULED) && r.value().contains("\"SKIPPED\""))
					.value());
			assertThat(skipped.at("/note").asString()).isEqualTo("Dịch bệnh");
			assertThat(skipped.at("/sequence").asInt()).isEqualTo(2);
		}
		JsonNode schedule = schedule(agreementId);
		assertThat(cycle(schedule, 2026).at("/status").asString()).isEqualTo("SKIPPED");
		assertThat(schedule.at("/next/year").asInt()).isEqualTo(2027);
		JsonNode history = this.json.readTree(this.http.get()
			.uri("/api/v1/agreements/{id}/review-schedule/history", agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(history.findValuesAsString("change")).containsExactly("MOVED", "SKIPPED");
		assertThat(history.findValuesAsString("note")).containsExactly("Trùng lịch hội nghị", "Dịch bệnh");
		assertThat(history.findValuesAsString("actor")).containsOnly("ld-editor@" + this.ld.toUpperCase());
		assertThat(history.get(0).at("/dueOn").asString()).isEqualTo("2026-11-20");
	}

	@Test
	void thoseInvitedGetACancelWhenTheReviewIsSkippedAndAnUpdateWhenItMoves() throws Exception {
		this.clock.set(Instant.parse("2026-09-01T00:00:00Z"));
		registerParties();
		String skipped = "agr-cancel-" + this.run;
		String moved = "agr-update-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), skipped, 2,
				agreement(skipped)));
		publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), moved, 2, agreement(moved)));
		await().until(() -> reminders(skipped, "PLANNED").size() == 15 && reminders(moved, "PLANNED").size() == 15);
		// lead 30 goes out with the invitation (SEQUENCE 0)
		this.clock.set(Instant.parse("2026-10-07T01:00:00Z"));
		await().until(() -> reminders(skipped, "SENT").size() == 3 && reminders(moved, "SENT").size() == 3);

		// the sweep announces DUE meanwhile (a new version): like any client, retry with
		// the
		// fresh ETag after a 412
		await().until(() -> status(post(this.http, "/api/v1/agreements/{id}/review-schedule/cycles/{year}/skip",
				skipped, 2026, "{\"note\":\"Dịch bệnh\"}", etag(skipped))) == 200);
		await().until(() -> status(post(this.http, "/api/v1/agreements/{id}/review-schedule/cycles/{year}/move", moved,
				2026, "{\"dueOn\":\"2026-12-15\"}", etag(moved))) == 200);

		List<MimeMessage> cancels = await().until(() -> Mails.received(this.run, "review-cancel:" + skipped),
				(m) -> m.size() == 3);
		MimeMessage cancel = Mails.to(cancels, "xuctien-" + this.run + "@ld.example");
		assertThat(cancel.getSubject()).contains("hủy sơ kết năm 2026");
		assertThat(Mails.text(cancel)).contains("sẽ không diễn ra").contains("Ghi chú: Dịch bệnh");
		Calendar cancellation = Mails.calendar(cancel);
		assertThat(cancellation.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
		VEvent cancelled = cancellation.<VEvent>getComponent(Component.VEVENT).orElseThrow();
		assertThat(cancelled.getProperty(Property.UID).orElseThrow().getValue())
			.isEqualTo("review-" + skipped + "-2026@coophub");
		assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
		assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
		// the skipped cycle's reminders are cancelled
		await().until(() -> reminders(skipped, "PLANNED").findValuesAsString("id")
			.stream()
			.noneMatch((id) -> id.contains(":2026:")));

		// the next reminder of the moved review is 15 November: the update goes out now
		List<MimeMessage> updates = await().until(() -> Mails.received(this.run, "review-update:" + moved),
				(m) -> m.size() == 3);
		MimeMessage update = Mails.to(updates, "vanphong-" + this.run + "@hcm.example");
		assertThat(update.getSubject()).contains("2026 annual review moved to 15 December 2026");
		Calendar invitation = Mails.calendar(update);
		assertThat(invitation.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
		VEvent event = invitation.<VEvent>getComponent(Component.VEVENT).orElseThrow();
		assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
			.isEqualTo("review-" + moved + "-2026@coophub");
		assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20261215");
		assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
		// planning again tells nobody twice
		publish(new AgreementCreated(UUID.randomUUID().toString(), this.clock.instant(), moved, 2, agreement(moved)));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(4))
			.until(() -> Mails.received(this.run, "review-update:" + moved).size() == 3
					&& Mails.received(this.run, "review-cancel:" + skipped).size() == 3);
	}

	private static boolean of(ConsumerRecord<String, String> record, String agreementId, String type) {
		return agreementId.equals(TopicProbe.header(record, "ce_subject"))
				&& type.equals(TopicProbe.header(record, "ce_type"));
	}

	private RestTestClient.ResponseSpec post(RestTestClient client, String uri, String agreementId, int year,
			String body, String ifMatch) {
		var request = client.post().uri(uri, agreementId, year).contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request = request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.body(body).exchange();
	}

	private static int status(RestTestClient.ResponseSpec response) {
		return response.expectBody().returnResult().getStatus().value();
	}

	private static void problem(RestTestClient.ResponseSpec response, String field) {
		response.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	private String etag(String agreementId) {
		return this.http.get()
			.uri("/api/v1/agreements/{id}/review-schedule", agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getETag();
	}

	private static boolean held(JsonNode schedule, int year) {
		JsonNode cycle = cycle(schedule, year);
		return cycle != null && "HELD".equals(cycle.at("/status").asString());
	}

	private static JsonNode cycle(JsonNode schedule, int year) {
		for (JsonNode cycle : schedule.get("cycles")) {
			if (cycle.at("/year").asInt() == year) {
				return cycle;
			}
		}
		return null;
	}

	private void registerParties() {
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), this.clock.instant(), this.ld, 1,
				organization(this.ld, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
						List.of(contact("xuctien", "ld", "vi"), contact("international", "ld", "en")))));
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), this.clock.instant(), this.hcm, 1,
				organization(this.hcm, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM",
						List.of(contact("vanphong", "hcm", "en")))));
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

	private Contact contact(String name, String domain, String language) {
		return new Contact(name, name + "-" + this.run + "@" + domain + ".example", null, null, null, language, true);
	}

	private static OrganizationState organization(String id, String name, List<Contact> contacts) {
		return new OrganizationState(id, id.toUpperCase(), new LocalizedText(name, null), "INDUSTRIAL_ZONE_AUTHORITY",
				null, List.of(), contacts, true);
	}

	private AgreementState agreement(String id) {
		return new AgreementState(id, "IT-" + id, new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(this.ld, PartyRole.LEAD), new Party(this.hcm, PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), LocalDate.of(2029, 12, 31), "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.hcm, this.ld), this.hcm, List.of(30, 7, 1)));
	}

	/**
	 * A past annual review entered after the fact, the partners not to be mailed about
	 * it.
	 */
	private ActivityCompleted review(String agreementId, String name, LocalDate day, String host) {
		String id = "act-review-" + name + "-" + this.run;
		ActivityState activity = new ActivityState(id, agreementId, ActivityType.ANNUAL_REVIEW,
				new LocalizedText("Hội nghị sơ kết năm " + day.getYear(), null), day.atTime(8, 0), day.atTime(11, 0),
				"Asia/Ho_Chi_Minh", new Location("Đà Lạt", null), host, List.of(this.ld, this.hcm), List.of(),
				ActivityStatus.COMPLETED, null, null, List.of(), false);
		return new ActivityCompleted(UUID.randomUUID().toString(), this.clock.instant(), id, 2, activity);
	}

}
