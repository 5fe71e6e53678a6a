package org.coophub.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.coophub.platform.tracing.TraceParent;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Records that refer to something whose own event has not arrived yet, kept in the
 * service's database until it has. Parking instead of waiting on the consumer thread
 * keeps the partition flowing and the consumer in its group: a consumer that blocks
 * cannot rejoin a rebalance, and the rebalance can hold up the very topic it waits for.
 */
public class ParkedEvents {

	static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);

	private final MongoTemplate mongo;

	private final Clock clock;

	public ParkedEvents(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Keeps the record; parking the same event again (a redelivery) changes nothing. It
	 * keeps the trace context of the handling that parked it, so the handling that lets
	 * it through continues the same trace.
	 */
	void park(String route, String type, String eventId, byte[] payload, String reason) {
		Instant now = this.clock.instant();
		Update parked = new Update().setOnInsert("route", route)
			.setOnInsert("traceparent", TraceParent.current().orElse(null))
			.setOnInsert("type", type)
			.setOnInsert("payload", new String(payload, StandardCharsets.UTF_8))
			.setOnInsert("parkedAt", now)
			.setOnInsert("attempts", 0)
			.setOnInsert("nextAttemptAt", now.plusSeconds(1))
			.set("reason", reason);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(eventId)), parked, ParkedEvent.class);
	}

	/** The parked records due for another attempt, oldest first. */
	List<ParkedEvent> due(int limit) {
		Query due = Query.query(Criteria.where("nextAttemptAt").lte(this.clock.instant()))
			.with(Sort.by("parkedAt"))
			.limit(limit);
		return this.mongo.find(due, ParkedEvent.class);
	}

	void release(ParkedEvent event) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(event.id())), ParkedEvent.class);
	}

	void postpone(ParkedEvent event, String reason) {
		Duration pause = Duration.ofSeconds(1L << Math.min(event.attempts() + 1, 6));
		Update later = new Update().inc("attempts", 1)
			.set("reason", reason)
			.set("nextAttemptAt",
					this.clock.instant().plus((pause.compareTo(LONGEST_PAUSE) < 0) ? pause : LONGEST_PAUSE));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(event.id())), later, ParkedEvent.class);
	}

	/** How many records wait; the gauge {@code coophub.events.parked} shows it. */
	public long count() {
		return this.mongo.count(new Query(), ParkedEvent.class);
	}

	/**
	 * How long the oldest record has waited, zero when none waits; the gauge
	 * {@code coophub.events.parked.oldest.age} shows it, so an alert can tell a record
	 * that waits for ever from the many that wait a second.
	 */
	public Duration oldestAge() {
		Query oldest = new Query().with(Sort.by("parkedAt")).limit(1);
		ParkedEvent first = this.mongo.findOne(oldest, ParkedEvent.class);
		if (first == null || first.parkedAt() == null) {
			return Duration.ZERO;
		}
		Duration age = Duration.between(first.parkedAt(), this.clock.instant());
		return age.isNegative() ? Duration.ZERO : age;
	}

	/**
	 * One parked record.
	 *
	 * @param id the event id
	 * @param route the route that parked it
	 * @param type the CloudEvents type
	 * @param payload the record's JSON
	 * @param reason what it waits for
	 * @param parkedAt when it was first parked
	 * @param attempts attempts since
	 * @param nextAttemptAt when it is tried again
	 * @param traceparent the trace context of the handling that parked it, null if none
	 */
	@Document("parkedEvents")
	record ParkedEvent(@Id String id, String route, String type, String payload, String reason, Instant parkedAt,
			int attempts, Instant nextAttemptAt, String traceparent) {

		byte[] bytes() {
			return this.payload.getBytes(StandardCharsets.UTF_8);
		}

	}

}
