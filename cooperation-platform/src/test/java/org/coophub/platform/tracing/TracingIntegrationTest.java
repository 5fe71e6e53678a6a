package org.coophub.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.coophub.events.Topics;
import org.coophub.events.notification.ReviewHeld;
import org.coophub.platform.messaging.CloudEventSender;
import org.coophub.platform.messaging.EventRouter;
import org.coophub.platform.messaging.NotArrivedYetException;
import org.coophub.platform.outbox.OutboxDocument;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TopicProbe;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from an HTTP request through the outbox to Kafka and into a consumer, on a
 * real broker and MongoDB-wire server (docs/operations.md, "Tracing"): the request's
 * trace context is stored with the outbox entry, the relay's record carries it as
 * {@code traceparent} and {@code ce_traceparent} (a child span, same trace), and the
 * router handles the record in the same trace, with the event and agreement in the MDC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=tracing-test", "spring.mongodb.database=tracing-test" })
@WithInfrastructure
class TracingIntegrationTest {

	/** What a caller (a browser, another system) sends: its own trace and span. */
	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN = "00f067aa0ba902b7";

	@LocalServerPort
	int port;

	@Autowired
	EventRouter router;

	@Test
	void theRequestsTraceReachesTheRecordAndTheConsumerThatHandlesIt() {
		String agreementId = "tracing-" + UUID.randomUUID();
		try (TopicProbe events = TopicProbe.fromLatest(Topics.NOTIFICATION_EVENTS)) {
			ServiceClients.asAdmin(this.port)
				.post()
				.uri("/test/reviews/{agreementId}", agreementId)
				.header(TraceParent.HEADER, "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
				.exchange()
				.expectStatus()
				.isOk();

			ConsumerRecord<String, String> record = events.awaitRecord((r) -> agreementId.equals(r.key()));
			String traceparent = TopicProbe.header(record, TraceParent.HEADER);
			assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").doesNotContain(CALLER_SPAN);
			// the binder's own producer span may be the W3C header's parent: the same
			// trace
			assertThat(TopicProbe.header(record, CloudEventSender.TRACEPARENT)).startsWith("00-" + TRACE_ID + "-")
				.doesNotContain(CALLER_SPAN);

			AtomicReference<Map<String, String>> seen = new AtomicReference<>();
			this.router
				.route("tracing-test", (routes) -> routes.on(ReviewHeld.class,
						(event) -> seen.set(Map.of("traceId", TraceParent.currentTraceId().orElse("none"), "mdcTraceId",
								String.valueOf(MDC.get("traceId")), "eventId", MDC.get(EventRouter.EVENT_ID),
								"agreementId", MDC.get(EventRouter.AGREEMENT_ID), "eventIdOfEvent", event.eventId()))))
				.accept(asReceived(record));

			assertThat(seen.get()).containsEntry("traceId", TRACE_ID)
				.containsEntry("mdcTraceId", TRACE_ID)
				.containsEntry("agreementId", agreementId)
				.containsEntry("eventId", seen.get().get("eventIdOfEvent"));
			assertThat(MDC.get(EventRouter.EVENT_ID)).as("the MDC is cleared after handling").isNull();
		}
	}

	@Test
	void anEntryWrittenOutsideATraceStartsATraceOfItsOwnWhenPublished() {
		String agreementId = "untraced-" + UUID.randomUUID();
		try (TopicProbe events = TopicProbe.fromLatest(Topics.NOTIFICATION_EVENTS)) {
			ServiceClients.asAdmin(this.port)
				.post()
				.uri("/test/reviews/{agreementId}", agreementId)
				.exchange()
				.expectStatus()
				.isOk();
			ConsumerRecord<String, String> record = events.awaitRecord((r) -> agreementId.equals(r.key()));
			assertThat(TopicProbe.header(record, TraceParent.HEADER)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
				.doesNotContain(TRACE_ID);
		}
	}

	@Test
	void aParkedRecordGoesThroughInTheTraceItArrivedIn() {
		String agreementId = "parked-" + UUID.randomUUID();
		try (TopicProbe events = TopicProbe.fromLatest(Topics.NOTIFICATION_EVENTS)) {
			ServiceClients.asAdmin(this.port)
				.post()
				.uri("/test/reviews/{agreementId}", agreementId)
				.header(TraceParent.HEADER, "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
				.exchange()
				.expectStatus()
				.isOk();
			ConsumerRecord<String, String> record = events.awaitRecord((r) -> agreementId.equals(r.key()));

			AtomicReference<String> handledIn = new AtomicReference<>();
			this.router.route("tracing-parked-test", (routes) -> routes.on(ReviewHeld.class, (event) -> {
				if (!agreementId.equals(event.agreementId())) {
					return;
				}
				if (handledIn.get() == null) {
					handledIn.set("parked");
					throw new NotArrivedYetException("agreement " + agreementId);
				}
				handledIn.set(TraceParent.currentTraceId().orElse("none"));
			})).accept(asReceived(record));

			// the router's own schedule retries it, on a thread outside any trace
			await().until(() -> !"parked".equals(handledIn.get()));
			assertThat(handledIn.get()).isEqualTo(TRACE_ID);
		}
	}

	/** The record as the binder hands it to a consumer: header values as bytes. */
	private static Message<byte[]> asReceived(ConsumerRecord<String, String> record) {
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value().getBytes(StandardCharsets.UTF_8));
		for (Header header : record.headers()) {
			message.setHeader(header.key(), header.value());
		}
		return message.build();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TracedController.class)
	static class TracingTestApplication {

	}

	@RestController
	static class TracedController {

		private final OutboxWriter outbox;

		TracedController(OutboxWriter outbox) {
			this.outbox = outbox;
		}

		@PostMapping("/test/reviews/{agreementId}")
		void hold(@PathVariable String agreementId) {
			this.outbox.save(new Review(agreementId),
					List.of(new ReviewHeld(UUID.randomUUID().toString(), Instant.now(), agreementId, 1, 2026,
							LocalDate.of(2026, 10, 7), LocalDate.of(2026, 10, 7), "BQL-LD", null, "BQL-HCM")));
		}

	}

	@Document("traced_reviews")
	static class Review extends OutboxDocument {

		@Id
		private final String id;

		Review(String id) {
			this.id = id;
		}

	}

}
