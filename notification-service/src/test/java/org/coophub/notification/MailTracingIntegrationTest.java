package org.coophub.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.coophub.events.DomainEvent;
import org.coophub.events.EventTypes;
import org.coophub.events.Topics;
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
import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.notification.NotificationSent;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail about an activity carries the trace of the activity's event (the request that
 * recorded it, in activity-service): the {@code X-Coophub-Trace-Id} header, the ledger
 * entry's {@code traceId} and the notification.sent event's {@code traceparent} all name
 * it (docs/operations.md, "Tracing").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class MailTracingIntegrationTest {

	static final Instant NOW = TestClockConfiguration.START;

	/** The trace of the request that recorded the activity. */
	static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	@Autowired
	EventSender events;

	@Autowired
	JsonMapper json;

	String run;

	String ld;

	String hcm;

	@BeforeEach
	void setUp() {
		this.clock.set(NOW);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.ld = "org-ld-" + this.run;
		this.hcm = "org-hcm-" + this.run;
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, this.ld, 1,
				organization(this.ld, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng", List
					.of(new Contact("xuctien", "xuctien-" + this.run + "@ld.example", null, null, null, "vi", true)))),
				null);
		publish(new OrganizationRegistered(UUID.randomUUID().toString(), NOW, this.hcm, 1,
				organization(this.hcm, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM", List.of())), null);
	}

	@Test
	void theMailTheLedgerAndTheSentEventCarryTheTraceOfTheActivitysEvent() throws Exception {
		String agreementId = "agr-traced-" + this.run;
		publish(new AgreementCreated(UUID.randomUUID().toString(), NOW, agreementId, 2, agreement(agreementId)), null);
		try (TopicProbe notificationEvents = TopicProbe.fromLatest(Topics.NOTIFICATION_EVENTS)) {
			publish(new ActivityRecorded(UUID.randomUUID().toString(), NOW, "act-" + this.run, 1,
					conference(agreementId)), "00-" + TRACE_ID + "-b7ad6b7169203331-01");

			MimeMessage mail = await().until(() -> mailsTo(this.run), (m) -> !m.isEmpty()).get(0);
			assertThat(mail.getHeader("X-Coophub-Trace-Id")).containsExactly(TRACE_ID);
			assertThat(mail.getSubject()).contains("hoạt động mới được ghi nhận");

			ConsumerRecord<String, String> sent = notificationEvents.awaitRecord((r) -> agreementId.equals(r.key())
					&& EventTypes.typeOf(NotificationSent.class).equals(TopicProbe.header(r, "ce_type")));
			assertThat(TopicProbe.header(sent, "traceparent")).startsWith("00-" + TRACE_ID + "-");
			assertThat(TopicProbe.header(sent, "ce_traceparent")).startsWith("00-" + TRACE_ID + "-");
		}

		JsonNode ledger = this.json.readTree(ServiceClients.asAdmin(this.port)
			.get()
			.uri("/api/v1/notifications?agreementId={id}", agreementId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		List<JsonNode> entries = List.copyOf(ledger.path("content").values());
		assertThat(entries).filteredOn((entry) -> "activity-recorded".equals(entry.path("kind").asString()))
			.as("the notice of the activity: the activity's trace")
			.hasSize(1)
			.allSatisfy((entry) -> assertThat(entry.path("traceId").asString()).isEqualTo(TRACE_ID));
		assertThat(entries).filteredOn((entry) -> "review-reminder".equals(entry.path("kind").asString()))
			.as("the reminders planned from the agreement: the agreement event's own trace")
			.isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.path("traceId").asString()).hasSize(32).isNotEqualTo(TRACE_ID));
	}

	/** As a service's relay sends it: in a child span of the stored trace context. */
	private void publish(DomainEvent event, String traceparent) {
		OutboxEntry entry = OutboxEntry.of(event, this.json.writeValueAsString(event));
		this.events.send(new OutboxEntry(entry.eventId(), entry.type(), entry.topic(), entry.key(), entry.subject(),
				entry.occurredAt(), entry.payload(), entry.actor(), traceparent));
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

	/** Yesterday's conference, recorded today: news, so it is mailed. */
	private ActivityState conference(String agreementId) {
		return new ActivityState("act-" + this.run, agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng", "Investment promotion conference"),
				LocalDateTime.of(2026, 2, 28, 8, 0), LocalDateTime.of(2026, 2, 28, 17, 0), "Asia/Ho_Chi_Minh",
				new Location("TP. Hồ Chí Minh", "Trung tâm Hội nghị"), this.hcm, List.of(this.ld), List.of(),
				ActivityStatus.COMPLETED, new Outcomes(120, 45, 12, 3, 2, null));
	}

}
