package org.coophub.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

	private static final String SCHEDULED = """
			{"eventId":"e-1","occurredAt":"2026-03-01T03:00:00Z","agreementId":"agr-1","version":1,
			 "year":2026,"dueOn":"2026-11-06","hostOrganizationId":"org-ld","status":"UPCOMING"}
			""";

	private static Message<byte[]> message(String type, String json) {
		return MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8)).setHeader("ce_type", type).build();
	}

}
