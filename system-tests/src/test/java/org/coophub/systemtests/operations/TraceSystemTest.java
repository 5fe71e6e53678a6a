package org.coophub.systemtests.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace id follows an activity through the running system (issue 21;
 * docs/operations.md, "Tracing"): an ADMIN records a conference with HTTP, and the trace
 * id of that request, as the activity's history gives it, is in the log lines of
 * activity-service (it published the event), reporting-service and notification-service
 * (they handled it), in the headers of the Kafka records on activity-events and of the
 * notification.sent record on notification-events, in the notification ledger entry of
 * the partner's contact and in the header of the mail that contact received.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceSystemTest {

	static final Duration PROPAGATION = Duration.ofSeconds(90);

	static final String ACTIVITY_RECORDED = "org.coophub.activity.recorded.v1";

	static final String NOTIFICATION_SENT = "org.coophub.notification.sent.v1";

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String code = this.suffix.toUpperCase(Locale.ROOT);

	private final String partnerContact = "xuc-tien-" + this.suffix + "@trace-lamdong.example";

	private LocalStack stack;

	private OperationsHttp api;

	@BeforeAll
	void startStack() {
		this.stack = SharedStack.get();
		this.api = new OperationsHttp(this.stack);
	}

	@Test
	void theTraceIdOfTheRequestIsInTheLogsTheRecordsTheLedgerAndTheMail() {
		String lamDong = organization("TR-LD-" + this.code, "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
				this.partnerContact);
		String hcmc = organization("TR-HCM-" + this.code, "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM",
				"van-phong-" + this.suffix + "@trace-hepza.example");
		String agreement = this.api.activeAgreement("""
				{"code":"TR-%s","title":{"vi":"Chương trình hợp tác (truy vết)","en":"Cooperation program (tracing)"},
				 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
				 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2035-12-31","areas":["INVESTMENT_PROMOTION"],
				 "reviewPolicy":{"month":11,"day":6,"hostRotation":["%s","%s"],"lastHostOrganizationId":"%s"}}
				""".formatted(this.code, lamDong, hcmc, hcmc, lamDong, hcmc));

		// yesterday's conference hosted by HCMC: news for Lâm Đồng's contact
		LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
		String conference = """
				{"agreementId":"%s","type":"INVESTMENT_PROMOTION_CONFERENCE",
				 "title":{"vi":"Hội nghị xúc tiến đầu tư – truy vết","en":"Investment promotion conference (tracing)"},
				 "startsAt":"%sT08:00:00","endsAt":"%sT17:00:00",
				 "location":{"province":"TP. Hồ Chí Minh","venue":"Trung tâm Hội nghị"},
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"COMPLETED",
				 "outcomes":{"investorsAttending":80,"enterprisesAttending":30,"mousSigned":2}}
				""".formatted(agreement, yesterday, yesterday, hcmc, lamDong);
		// activity-service accepts it once it has heard of the activation (422 before)
		HttpResponse<String> recorded = await().atMost(PROPAGATION)
			.until(() -> this.api.send(StackService.ACTIVITY, "POST", "/api/v1/activities", conference),
					(answer) -> answer.statusCode() != 422);
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		String activity = OperationsHttp.json(recorded).get("id").asString();

		// the operator's starting point: the change's trace id in the activity's history
		JsonNode history = this.api.get(StackService.ACTIVITY, "/api/v1/activities/" + activity + "/history");
		assertThat(history).as("history of %s", activity).hasSize(1);
		String traceId = history.get(0).path("traceId").asString();
		assertThat(traceId).as("W3C trace id").matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));

		// the record on activity-events carries it, twice (W3C and CloudEvents)
		TopicRecords kafka = new TopicRecords(this.stack.kafkaBootstrapServers());
		// (the outbox relay publishes it after the answer)
		List<ConsumerRecord<byte[], byte[]>> recordedEvents = await().atMost(PROPAGATION)
			.until(() -> kafka.readAll("activity-events")
				.stream()
				.filter((record) -> ACTIVITY_RECORDED.equals(TopicRecords.header(record, "ce_type")))
				.filter((record) -> agreement.equals(new String(record.key(), StandardCharsets.UTF_8)))
				.toList(), (records) -> !records.isEmpty());
		assertThat(recordedEvents).as("activity.recorded of agreement %s", agreement).hasSize(1);
		ConsumerRecord<byte[], byte[]> recordedEvent = recordedEvents.get(0);
		assertThat(TopicRecords.header(recordedEvent, "traceparent")).startsWith("00-" + traceId + "-");
		assertThat(TopicRecords.header(recordedEvent, "ce_traceparent")).startsWith("00-" + traceId + "-");
		String eventId = TopicRecords.header(recordedEvent, "ce_id");

		// the partner's ledger entry, planned while handling that record, then sent
		JsonNode entry = await().atMost(PROPAGATION)
			.until(() -> ledgerEntryOf(agreement, this.partnerContact),
					(e) -> e != null && "SENT".equals(e.path("status").asString()));
		assertThat(entry.path("traceId").asString()).as(entry.toString()).isEqualTo(traceId);

		// its notification.sent continues the trace to reporting-service
		ConsumerRecord<byte[], byte[]> sent = await().atMost(PROPAGATION)
			.until(() -> kafka.readAll("notification-events")
				.stream()
				.filter((record) -> NOTIFICATION_SENT.equals(TopicRecords.header(record, "ce_type")))
				.filter((record) -> String.valueOf(TopicRecords.header(record, "traceparent"))
					.startsWith("00-" + traceId + "-"))
				.findFirst()
				.orElse(null), (record) -> record != null);
		assertThat(TopicRecords.header(sent, "ce_traceparent")).startsWith("00-" + traceId + "-");
		String sentEventId = TopicRecords.header(sent, "ce_id");

		// the mail names it for whoever asks where it came from
		assertThat(mailTraceIds(this.partnerContact)).containsExactly(traceId);

		// and each service's log names it on its lines about the work, in Spring Boot's
		// correlation field [<trace id>-<span id>]
		await().atMost(PROPAGATION).untilAsserted(() -> {
			assertThat(linesOf(StackService.ACTIVITY, traceId))
				.anySatisfy((line) -> assertThat(line).contains("Published " + ACTIVITY_RECORDED + " " + eventId));
			assertThat(linesOf(StackService.REPORTING, traceId))
				.anySatisfy((line) -> assertThat(line).contains("Handled " + ACTIVITY_RECORDED + " " + eventId))
				.anySatisfy((line) -> assertThat(line).contains("Handled " + NOTIFICATION_SENT + " " + sentEventId));
			assertThat(linesOf(StackService.NOTIFICATION, traceId))
				.anySatisfy((line) -> assertThat(line).contains("Handled " + ACTIVITY_RECORDED + " " + eventId))
				.anySatisfy((line) -> assertThat(line).contains("Published " + NOTIFICATION_SENT + " " + sentEventId));
		});
		assertThat(linesOf(StackService.NOTIFICATION, traceId)).as("no personal data in the log")
			.noneSatisfy((line) -> assertThat(line).contains(this.partnerContact));
	}

	private String organization(String code, String name, String contact) {
		return this.api.created(StackService.AGREEMENT, "/api/v1/organizations", """
				{"code":"%s","name":{"vi":"%s"},"kind":"INDUSTRIAL_ZONE_AUTHORITY","province":"Lâm Đồng",
				 "contacts":[{"name":"Phòng Xúc tiến Đầu tư","email":"%s","language":"vi","notify":true}]}
				""".formatted(code, name, contact)).get("id").asString();
	}

	private JsonNode ledgerEntryOf(String agreement, String recipient) {
		JsonNode page = this.api.get(StackService.NOTIFICATION,
				"/api/v1/notifications?agreementId=" + agreement + "&size=50");
		if (page == null) {
			return null;
		}
		return page.path("content")
			.valueStream()
			.filter((e) -> recipient.equals(e.path("recipient").asString()))
			.findFirst()
			.orElse(null);
	}

	/** The log lines of the service whose correlation field names the trace. */
	private List<String> linesOf(StackService service, String traceId) {
		try {
			String log = new String(Files.readAllBytes(this.stack.service(service).logFile()), StandardCharsets.UTF_8);
			return log.lines().filter((line) -> line.contains("[" + traceId + "-")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<String> mailTraceIds(String address) {
		return Arrays.stream(this.stack.smtp().receivedMessages())
			.filter((mail) -> sentTo(mail, address))
			.map((mail) -> {
				try {
					return mail.getHeader("X-Coophub-Trace-Id", null);
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			})
			.toList();
	}

	private static boolean sentTo(MimeMessage mail, String address) {
		try {
			return Arrays.stream(mail.getAllRecipients()).anyMatch((to) -> to.toString().contains(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
