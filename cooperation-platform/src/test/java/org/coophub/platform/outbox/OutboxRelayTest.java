package org.coophub.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.coophub.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The relay against a real MongoDB-wire server: order kept, acknowledged entries removed,
 * nothing removed that was not acknowledged, what failed retried, what a crash left
 * found.
 */
class OutboxRelayTest {

	static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");

	private final MongoClient client = MongoClients.create(TestInfrastructure.get().mongoUri());

	private final MongoTemplate mongo = new MongoTemplate(this.client, "outbox-relay-test");

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private volatile String failOn;

	private final EventSender sender = (entry) -> {
		if (entry.eventId().equals(this.failOn)) {
			throw new IllegalStateException("broker unavailable");
		}
		this.sent.add(entry.eventId());
	};

	// removals only when a test asks for them (removeAcknowledged), never by the timer
	private final OutboxRelay relay = new OutboxRelay(this.mongo, this.sender, Clock.fixed(NOW, ZoneOffset.UTC),
			Duration.ofSeconds(2), 2, Duration.ofHours(1));

	@AfterEach
	void close() {
		this.relay.close();
		this.client.close();
	}

	@Test
	void publishesInOrderAndRemovesWhatWasAcknowledged() {
		String id = store(entry("e1", NOW), entry("e2", NOW), entry("e3", NOW));

		assertThat(this.relay.publish("aggregates", id)).isEqualTo(3);
		this.relay.removeAcknowledged();

		assertThat(this.sent).containsExactly("e1", "e2", "e3");
		assertThat(outbox(id)).isEmpty();
	}

	@Test
	void whatWasSentButNotYetRemovedIsNotSentAgain() {
		String id = store(entry("e1", NOW));
		assertThat(this.relay.publish("aggregates", id)).isOne();
		// saved again before the removal: the stored outbox still holds e1
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new org.springframework.data.mongodb.core.query.Update().push("outbox", entry("e2", NOW)),
				"aggregates");

		assertThat(this.relay.publish("aggregates", id)).isOne();
		assertThat(this.sent).containsExactly("e1", "e2");
		assertThat(outbox(id)).hasSize(2);

		this.relay.removeAcknowledged();
		assertThat(outbox(id)).isEmpty();
	}

	@Test
	void theTimerRemovesWhatSeveralPublicationsAcknowledged() {
		try (OutboxRelay timed = new OutboxRelay(this.mongo, this.sender, Clock.fixed(NOW, ZoneOffset.UTC),
				Duration.ofSeconds(2), 2, Duration.ofMillis(20))) {
			String first = store(entry("t1", NOW));
			String second = store(entry("t2", NOW));
			timed.publishSoon("aggregates", first, outboxEntries(first));
			timed.publishSoon("aggregates", second, outboxEntries(second));

			await().untilAsserted(() -> assertThat(List.of(outbox(first), outbox(second)))
				.allSatisfy((outbox) -> assertThat(outbox).isEmpty()));
			assertThat(this.sent).containsExactlyInAnyOrder("t1", "t2");
		}
	}

	@Test
	void stopsAtTheFirstFailureAndKeepsTheRestForLater() {
		String id = store(entry("e1", NOW), entry("e2", NOW), entry("e3", NOW));
		this.failOn = "e2";

		assertThatThrownBy(() -> this.relay.publish("aggregates", id)).hasMessage("broker unavailable");
		this.relay.removeAcknowledged();

		assertThat(this.sent).containsExactly("e1");
		assertThat(outbox(id)).extracting((entry) -> entry.getString("eventId")).containsExactly("e2", "e3");
		this.failOn = null;
		assertThat(this.relay.publish("aggregates", id)).isEqualTo(2);
		assertThat(this.sent).containsExactly("e1", "e2", "e3");
	}

	@Test
	void documentsWaitingTogetherArePublishedTogetherAndAFailureLeavesTheRestForLater() {
		String first = store(entry("a1", NOW), entry("a2", NOW));
		String second = store(entry("b1", NOW), entry("b2", NOW));
		String third = store(entry("c1", NOW));
		this.failOn = "b2";
		List<OutboxRelay.DocumentRef> batch = List.of(new OutboxRelay.DocumentRef("aggregates", first),
				new OutboxRelay.DocumentRef("aggregates", second), new OutboxRelay.DocumentRef("aggregates", third));

		assertThatThrownBy(() -> this.relay.publishAll(batch))
			.isInstanceOfSatisfying(OutboxRelay.RelayPausedException.class,
					(paused) -> assertThat(paused.unpublished()).containsExactly(batch.get(1), batch.get(2)))
			.hasMessage("broker unavailable");

		// what Kafka acknowledged before the failure is removed, in one write
		this.relay.removeAcknowledged();
		assertThat(this.sent).containsExactly("a1", "a2", "b1");
		assertThat(outbox(first)).isEmpty();
		assertThat(outbox(second)).extracting((entry) -> entry.getString("eventId")).containsExactly("b2");
		assertThat(outbox(third)).hasSize(1);
		this.failOn = null;
		this.relay.publishAll(batch.subList(1, 3));
		this.relay.removeAcknowledged();
		assertThat(this.sent).containsExactly("a1", "a2", "b1", "b2", "c1");
		assertThat(outbox(second)).isEmpty();
		assertThat(outbox(third)).isEmpty();
	}

	@Test
	void aSweepFindsOnlyEntriesOlderThanTheGraceAndCountsThem() {
		String stuck = store(entry("old", NOW.minusSeconds(60)), entry("older", NOW.minusSeconds(61)));
		String fresh = store(entry("new", NOW));

		assertThat(this.relay.sweep(List.of("aggregates"))).isEqualTo(1);
		assertThat(this.relay.backlog()).containsEntry("aggregates", 2L);

		this.relay.retryFailed();

		await().untilAsserted(() -> assertThat(this.sent).containsExactly("old", "older"));
		await().untilAsserted(() -> assertThat(this.relay.backlog()).doesNotContainKey("aggregates"));
		this.relay.removeAcknowledged();
		assertThat(outbox(stuck)).isEmpty();
		assertThat(outbox(fresh)).hasSize(1);
	}

	@Test
	void whatFailedStaysInTheBacklogUntilTheNextPollSendsIt() {
		String id = store(entry("e1", NOW));
		this.failOn = "e1";

		this.relay.publishSoon("aggregates", id, outboxEntries(id));

		await().untilAsserted(() -> assertThat(this.relay.backlog()).containsEntry("aggregates", 1L));
		this.relay.retryFailed();
		await().untilAsserted(() -> assertThat(this.relay.backlog()).containsEntry("aggregates", 1L));
		assertThat(this.sent).isEmpty();
		assertThat(outbox(id)).hasSize(1);

		this.failOn = null;
		this.relay.retryFailed();

		await().untilAsserted(() -> assertThat(this.sent).containsExactly("e1"));
		await().untilAsserted(() -> {
			this.relay.removeAcknowledged();
			assertThat(outbox(id)).isEmpty();
		});
		assertThat(this.relay.backlog()).doesNotContainKey("aggregates");
	}

	@Test
	void theBacklogsAgeIsThatOfItsOldestUnacknowledgedEntryAndEndsWithIt() {
		String id = store(entry("e1", NOW.minusSeconds(30)), entry("e2", NOW.minusSeconds(90)),
				entry("e3", NOW.minusSeconds(10)));
		this.failOn = "e2";

		assertThatThrownBy(() -> this.relay.publish("aggregates", id)).hasMessage("broker unavailable");

		// e1 went out; e2 is the oldest still waiting
		assertThat(this.relay.oldestAge()).containsEntry("aggregates", Duration.ofSeconds(90));
		this.failOn = null;
		this.relay.publish("aggregates", id);
		assertThat(this.relay.oldestAge()).doesNotContainKey("aggregates");
	}

	@Test
	void aSweptDocumentAgesFromItsFirstEntry() {
		String id = store(entry("stuck", NOW.minusSeconds(120)), entry("later", NOW.minusSeconds(5)));
		try {
			this.relay.sweep(List.of("aggregates"));

			assertThat(this.relay.oldestAge()).containsEntry("aggregates", Duration.ofSeconds(120));
		}
		finally {
			// the other tests' sweeps must not find it
			this.mongo.remove(Query.query(Criteria.where("_id").is(id)), "aggregates");
		}
	}

	@Test
	void documentsOnDifferentLanesAreAllPublishedEachInItsOrder() {
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String id = store(entry(i + "-a", NOW), entry(i + "-b", NOW));
			ids.add(id);
			this.relay.publishSoon("aggregates", id, outboxEntries(id));
		}

		await().untilAsserted(() -> assertThat(this.sent).hasSize(40));
		for (int i = 0; i < 20; i++) {
			assertThat(this.sent.indexOf(i + "-a")).isLessThan(this.sent.indexOf(i + "-b"));
		}
		await().untilAsserted(() -> {
			this.relay.removeAcknowledged();
			assertThat(ids).allSatisfy((id) -> assertThat(outbox(id)).isEmpty());
		});
	}

	private String store(Document... entries) {
		String id = UUID.randomUUID().toString();
		this.mongo.insert(new Document("_id", id).append("outbox", List.of(entries)), "aggregates");
		return id;
	}

	private List<OutboxEntry> outboxEntries(String id) {
		return outbox(id).stream().map(OutboxRelay::toEntry).toList();
	}

	private List<Document> outbox(String id) {
		return this.mongo.findById(id, Document.class, "aggregates").getList("outbox", Document.class);
	}

	private static Document entry(String eventId, Instant occurredAt) {
		return new Document("eventId", eventId).append("type", "org.coophub.test.happened.v1")
			.append("topic", "test-events")
			.append("key", "k")
			.append("subject", "s")
			.append("occurredAt", java.util.Date.from(occurredAt))
			.append("payload", "{}");
	}

}
