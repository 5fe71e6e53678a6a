package org.coophub.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes outbox entries in order and removes them once Kafka acknowledged them. A
 * write wakes the relay at once; a poller re-sends whatever a crash or a broker outage
 * left behind. Publishing is at-least-once: consumers are idempotent.
 */
public class OutboxRelay implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final MongoTemplate mongo;

	private final EventSender sender;

	private final Clock clock;

	private final Duration grace;

	private final Set<DocumentRef> waiting = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "outbox-relay");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();

	public OutboxRelay(MongoTemplate mongo, EventSender sender, Clock clock, Duration grace) {
		this.mongo = mongo;
		this.sender = sender;
		this.clock = clock;
		this.grace = grace;
	}

	/** Publishes the document's pending entries on the relay thread, off the caller's. */
	public void publishSoon(String collection, Object id) {
		this.waiting.add(new DocumentRef(collection, id));
		if (this.draining.compareAndSet(false, true)) {
			this.worker.execute(this::drain);
		}
	}

	/**
	 * Publishes every entry older than the grace period in the given collections; the
	 * grace leaves fresh entries to the relay thread that a write has already woken.
	 * @return the number of entries published
	 */
	public int publishPending(List<String> collections) {
		Instant before = this.clock.instant().minus(this.grace);
		int published = 0;
		for (String collection : collections) {
			Query pending = Query.query(Criteria.where(HasOutbox.OUTBOX_FIELD + ".0").exists(true));
			pending.fields().include(HasOutbox.OUTBOX_FIELD + ".occurredAt");
			long backlog = 0;
			for (Document document : this.mongo.find(pending, Document.class, collection)) {
				List<Document> entries = document.getList(HasOutbox.OUTBOX_FIELD, Document.class, List.of());
				backlog += entries.size();
				if (!entries.isEmpty() && occurredAt(entries.get(0)).isBefore(before)) {
					int sent = publish(collection, document.get("_id"));
					published += sent;
					backlog -= sent;
				}
			}
			this.backlog.computeIfAbsent(collection, (name) -> new AtomicLong()).set(backlog);
		}
		return published;
	}

	/** Pending entries per collection, as last counted by the poller. */
	public Map<String, AtomicLong> backlog() {
		return this.backlog;
	}

	/**
	 * Sends the document's entries in order, stopping at the first failure so that order
	 * per aggregate holds, and removes what was acknowledged.
	 * @return the number of entries published
	 */
	int publish(String collection, Object id) {
		Document document = this.mongo.findById(id, Document.class, collection);
		if (document == null) {
			return 0;
		}
		List<Document> entries = document.getList(HasOutbox.OUTBOX_FIELD, Document.class, List.of());
		List<String> sent = new ArrayList<>();
		try {
			for (Document entry : entries) {
				this.sender.send(toEntry(entry));
				sent.add(entry.getString("eventId"));
			}
		}
		finally {
			if (!sent.isEmpty()) {
				Update pull = new Update().pull(HasOutbox.OUTBOX_FIELD,
						new Document("eventId", new Document("$in", sent)));
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), pull, collection);
			}
		}
		return sent.size();
	}

	private void drain() {
		try {
			while (!this.waiting.isEmpty()) {
				for (DocumentRef ref : List.copyOf(this.waiting)) {
					this.waiting.remove(ref);
					publish(ref.collection(), ref.id());
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay paused, the poller will retry: {}", ex.getMessage());
			this.waiting.clear();
		}
		finally {
			this.draining.set(false);
			if (!this.waiting.isEmpty() && this.draining.compareAndSet(false, true)) {
				this.worker.execute(this::drain);
			}
		}
	}

	private static OutboxEntry toEntry(Document entry) {
		return new OutboxEntry(entry.getString("eventId"), entry.getString("type"), entry.getString("topic"),
				entry.getString("key"), entry.getString("subject"), occurredAt(entry), entry.getString("payload"));
	}

	private static Instant occurredAt(Document entry) {
		Object value = entry.get("occurredAt");
		return (value instanceof Date date) ? date.toInstant() : (Instant) value;
	}

	@Override
	public void close() {
		this.worker.shutdown();
	}

	private record DocumentRef(String collection, Object id) {
	}

}
