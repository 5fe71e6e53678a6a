package org.coophub.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Routing, with parking against a real MongoDB-wire server.
 */
class EventRouterTest {

	private final MongoClient client = MongoClients.create(TestInfrastructure.get().mongoUri());

	private final MongoTemplate mongo = new MongoTemplate(this.client, "event-router-test-" + UUID.randomUUID());

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T03:00:00Z"));

	private final ParkedEvents parked = new ParkedEvents(this.mongo, new Clock() {
		@Override
		public Instant instant() {
			return EventRouterTest.this.now.get();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}
	});

	private final EventRouter router = new EventRouter(JsonMapper.builder().build(), this.parked);

	private final List<ReviewScheduled> handled = new ArrayList<>();

	private final Consumer<Message<byte[]>> consumer = this.router.route("reviews",
			(routes) -> routes.on(ReviewScheduled.class, this.handled::add));

	@AfterEach
	void close() {
		this.mongo.getDb().drop();
		this.client.close();
	}

	@Test
	void aHandledTypeIsReadIntoItsRecord() {
		this.consumer.accept(message("org.coophub.review.scheduled.v1", """
				{"eventId":"e-1","occurredAt":"2026-03-01T03:00:00Z","agreementId":"agr-1","version":1,
				 "year":2026,"dueOn":"2026-11-06","hostOrganizationId":"org-ld","status":"UPCOMING","addedLater":true}
				"""));

		assertThat(this.handled).singleElement().satisfies((event) -> {
			assertThat(event.dueOn()).hasToString("2026-11-06");
			assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T03:00:00Z"));
		});
	}

	@Test
	void aKnownTypeThisServiceDoesNotHandleIsSkipped() {
		this.consumer.accept(message("org.coophub.organization.registered.v1", "not even read"));

		assertThat(this.handled).isEmpty();
	}

	@Test
	void anUnknownTypeIsAPoisonMessage() {
		assertThatThrownBy(() -> this.consumer.accept(message("org.coophub.activity.exploded.v1", "{}")))
			.isInstanceOf(UnreadableEventException.class)
			.hasMessageContaining("org.coophub.activity.exploded.v1");
	}

	@Test
	void malformedJsonIsAPoisonMessage() {
		assertThatThrownBy(() -> this.consumer.accept(message("org.coophub.review.scheduled.v1", "{\"eventId\": ")))
			.isInstanceOf(UnreadableEventException.class);
	}

	@Test
	void aRecordWithoutTypeIsAPoisonMessage() {
		Message<byte[]> untyped = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8)).build();
		assertThatThrownBy(() -> this.consumer.accept(untyped)).isInstanceOf(UnreadableEventException.class);
	}

	@Test
	void aHandlerWaitsOutAStoreOutageInsteadOfFailingTheRecord() {
		AtomicInteger calls = new AtomicInteger();
		Consumer<Message<byte[]>> patient = this.router.route("test",
				(routes) -> routes.on(ReviewScheduled.class, (event) -> {
					if (calls.incrementAndGet() < 3) {
						throw new DataAccessResourceFailureException("MongoDB is away");
					}
				}));

		patient.accept(message("org.coophub.review.scheduled.v1", SCHEDULED));

		assertThat(calls).hasValue(3);
	}

	@Test
	void aRecordReferringToWhatHasNotArrivedYetIsParkedAndGoesThroughOnceItHas() {
		AtomicBoolean agreementKnown = new AtomicBoolean();
		Consumer<Message<byte[]>> waiting = this.router.route("waiting",
				(routes) -> routes.on(ReviewScheduled.class, (event) -> {
					if (!agreementKnown.get()) {
						throw new NotArrivedYetException("agreement " + event.agreementId());
					}
					this.handled.add(event);
				}));

		waiting.accept(message("org.coophub.review.scheduled.v1", SCHEDULED));
		waiting.accept(message("org.coophub.review.scheduled.v1", SCHEDULED));
		assertThat(this.parked.count()).as("parked once, however often delivered").isOne();
		assertThat(this.parked.oldestAge()).isZero();

		this.now.updateAndGet((t) -> t.plusSeconds(5));
		this.router.retryParked();
		assertThat(this.parked.count()).as("still waiting").isOne();
		assertThat(this.parked.oldestAge()).as("from when it was first parked").isEqualTo(Duration.ofSeconds(5));
		assertThat(this.parked.due(10)).as("after a growing pause").isEmpty();

		agreementKnown.set(true);
		this.now.updateAndGet((t) -> t.plus(ParkedEvents.LONGEST_PAUSE));
		this.router.retryParked();

		assertThat(this.handled).singleElement().satisfies((event) -> assertThat(event.eventId()).isEqualTo("e-1"));
		assertThat(this.parked.count()).isZero();
		assertThat(this.parked.oldestAge()).isZero();
	}

	@Test
	void aHandlerFailureThatIsNotAnOutageIsNotRetriedHere() {
		AtomicInteger calls = new AtomicInteger();
		Consumer<Message<byte[]>> failing = this.router.route("test",
				(routes) -> routes.on(ReviewScheduled.class, (event) -> {
					calls.incrementAndGet();
					throw new IllegalStateException("agreement not known");
				}));

		assertThatThrownBy(() -> failing.accept(message("org.coophub.review.scheduled.v1", SCHEDULED)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("agreement not known");
		assertThat(calls).hasValue(1);
	}

	@Test
	void aPollIsHandledRecordByRecordAndWrittenOnce() {
		RecordingScope scope = new RecordingScope();
		Consumer<Message<List<byte[]>>> batch = this.router.routeBatch("reviews",
				(routes) -> routes.on(ReviewScheduled.class, (event) -> scope.pending.add(event.eventId())), scope);

		batch.accept(poll(SCHEDULED, SCHEDULED.replace("e-1", "e-2")));

		assertThat(scope.written).containsExactly(List.of("e-1", "e-2"));
		assertThat(scope.closed).isOne();
	}

	@Test
	void aPollsScopeIsOpenedWithItsRecordsKeys() {
		RecordingScope scope = new RecordingScope();
		Consumer<Message<List<byte[]>>> batch = this.router.routeBatch("reviews",
				(routes) -> routes.on(ReviewScheduled.class, (event) -> scope.pending.add(event.eventId())), scope);
		Message<List<byte[]>> poll = poll(SCHEDULED, SCHEDULED.replace("e-1", "e-2"), SCHEDULED.replace("e-1", "e-3"));
		List<Object> keys = new ArrayList<>();
		keys.add("agr-1".getBytes(StandardCharsets.UTF_8));
		keys.add(null);
		keys.add("agr-2");

		batch.accept(MessageBuilder.fromMessage(poll).setHeader(KafkaHeaders.RECEIVED_KEY, keys).build());

		assertThat(scope.keys).as("as text, in order, null where a record has none")
			.containsExactly(Arrays.asList("agr-1", null, "agr-2"));
		assertThat(scope.written).containsExactly(List.of("e-1", "e-2", "e-3"));
	}

	@Test
	void anUnreadableRecordInAPollIsNamedByItsIndexAfterWhatCameBeforeItIsWritten() {
		RecordingScope scope = new RecordingScope();
		Consumer<Message<List<byte[]>>> batch = this.router.routeBatch("reviews",
				(routes) -> routes.on(ReviewScheduled.class, (event) -> scope.pending.add(event.eventId())), scope);

		assertThatThrownBy(() -> batch.accept(poll(SCHEDULED, "{\"eventId\": ", SCHEDULED.replace("e-1", "e-3"))))
			.isInstanceOfSatisfying(BatchListenerFailedException.class,
					(ex) -> assertThat(ex.getIndex()).as("the second record").isOne())
			.hasCauseInstanceOf(UnreadableEventException.class);
		assertThat(scope.written).as("the record before it, not the one after").containsExactly(List.of("e-1"));
		assertThat(scope.closed).isOne();
	}

	@Test
	void aPollWaitsOutAStoreOutageWhenWritten() {
		RecordingScope scope = new RecordingScope();
		scope.outages.set(2);
		Consumer<Message<List<byte[]>>> batch = this.router.routeBatch("reviews",
				(routes) -> routes.on(ReviewScheduled.class, (event) -> scope.pending.add(event.eventId())), scope);

		batch.accept(poll(SCHEDULED));

		assertThat(scope.written).containsExactly(List.of("e-1"));
	}

	/** Keeps what the handlers left until written, as a projection's batch does. */
	private static final class RecordingScope implements EventRouter.PollScope {

		private final List<String> pending = new ArrayList<>();

		private final List<List<String>> written = new ArrayList<>();

		private final AtomicInteger outages = new AtomicInteger();

		private final List<List<String>> keys = new ArrayList<>();

		private int closed;

		@Override
		public void open(List<String> keys) {
			this.keys.add(keys);
			this.pending.clear();
		}

		@Override
		public void write() {
			if (this.outages.getAndDecrement() > 0) {
				throw new DataAccessResourceFailureException("MongoDB is away");
			}
			this.written.add(List.copyOf(this.pending));
		}

		@Override
		public void close() {
			this.closed++;
		}

	}

	/**
	 * A poll as the binder hands it over in batch mode: each record's headers by index.
	 */
	private static Message<List<byte[]>> poll(String... records) {
		List<byte[]> payloads = new ArrayList<>();
		List<Map<String, Object>> headers = new ArrayList<>();
		for (String json : records) {
			payloads.add(json.getBytes(StandardCharsets.UTF_8));
			headers.add(Map.of("ce_type", "org.coophub.review.scheduled.v1".getBytes(StandardCharsets.UTF_8)));
		}
		return MessageBuilder.withPayload(payloads).setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers).build();
	}

	private static final String SCHEDULED = """
			{"eventId":"e-1","occurredAt":"2026-03-01T03:00:00Z","agreementId":"agr-1","version":1,
			 "year":2026,"dueOn":"2026-11-06","hostOrganizationId":"org-ld","status":"UPCOMING"}
			""";

	private static Message<byte[]> message(String type, String json) {
		return MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8)).setHeader("ce_type", type).build();
	}

}
