package org.coophub.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes outbox entries in order and removes them once Kafka acknowledged them. A
 * write hands its document to one of several relay lanes at once; a document always goes
 * to the same lane, so its entries keep their order while the lanes' synchronous sends
 * overlap. What a broker outage left is retried from memory every poll; what a crash left
 * is found by a sweep of the collections at start and now and then. Publishing is
 * at-least-once: consumers are idempotent.
 */
public class OutboxRelay implements AutoCloseable {

	private final MongoTemplate mongo;

	private final EventSender sender;

	private final Clock clock;

	private final Duration grace;

	private final List<RelayLane> lanes = new ArrayList<>();

	/** Documents with entries not yet acknowledged, and how many entries as last seen. */
	private final Map<DocumentRef, Integer> pending = new ConcurrentHashMap<>();

	/**
	 * The outbox of each document as its latest write saved it, so a lane need not read
	 * it back.
	 */
	private final Map<DocumentRef, List<OutboxEntry>> written = new ConcurrentHashMap<>();

	/** Documents whose last attempt failed or that a sweep found, for the next poll. */
	private final Set<DocumentRef> retry = ConcurrentHashMap.newKeySet();

	public OutboxRelay(MongoTemplate mongo, EventSender sender, Clock clock, Duration grace, int lanes) {
		this.mongo = mongo;
		this.sender = sender;
		this.clock = clock;
		this.grace = grace;
		for (int lane = 0; lane < lanes; lane++) {
			this.lanes.add(new RelayLane("outbox-relay-" + lane, this::publish, this::failed));
		}
	}

	/**
	 * Publishes the document's pending entries on its relay lane, off the caller's
	 * thread.
	 * @param outbox the document's whole outbox as just saved
	 */
	public void publishSoon(String collection, Object id, List<OutboxEntry> outbox) {
		DocumentRef ref = new DocumentRef(collection, id);
		this.written.put(ref, List.copyOf(outbox));
		this.pending.put(ref, outbox.size());
		laneOf(ref).offer(ref);
	}

	/** Hands every document whose last attempt failed back to its lane. */
	public void retryFailed() {
		for (DocumentRef ref : List.copyOf(this.retry)) {
			this.retry.remove(ref);
			laneOf(ref).offer(ref);
		}
	}

	/**
	 * Finds, by scanning the given collections, entries older than the grace period: what
	 * a crash left behind, here or in another instance. The grace leaves fresh entries to
	 * the lane that their write has already woken.
	 * @return the number of documents found
	 */
	public int sweep(List<String> collections) {
		Instant before = this.clock.instant().minus(this.grace);
		int found = 0;
		for (String collection : collections) {
			Query pending = Query.query(Criteria.where(HasOutbox.OUTBOX_FIELD + ".0").exists(true));
			pending.fields().include(HasOutbox.OUTBOX_FIELD + ".occurredAt");
			for (Document document : this.mongo.find(pending, Document.class, collection)) {
				List<Document> entries = document.getList(HasOutbox.OUTBOX_FIELD, Document.class, List.of());
				if (!entries.isEmpty() && occurredAt(entries.get(0)).isBefore(before)) {
					DocumentRef ref = new DocumentRef(collection, document.get("_id"));
					this.pending.put(ref, entries.size());
					this.retry.add(ref);
					found++;
				}
			}
		}
		return found;
	}

	/** Entries stored but not yet acknowledged by Kafka, per collection, as last seen. */
	public Map<String, Long> backlog() {
		Map<String, Long> backlog = new TreeMap<>();
		this.pending.forEach((ref, entries) -> backlog.merge(ref.collection(), (long) entries, Long::sum));
		return backlog;
	}

	/**
	 * Sends the document's entries in order, stopping at the first failure so that order
	 * per aggregate holds, and removes what was acknowledged.
	 * @return the number of entries published
	 */
	int publish(DocumentRef ref) {
		List<OutboxEntry> entries = this.written.remove(ref);
		if (entries == null) {
			entries = stored(ref);
		}
		List<String> sent = new ArrayList<>();
		try {
			for (OutboxEntry entry : entries) {
				this.sender.send(entry);
				sent.add(entry.eventId());
			}
		}
		catch (RuntimeException ex) {
			this.pending.put(ref, entries.size() - sent.size());
			throw ex;
		}
		finally {
			if (!sent.isEmpty()) {
				Update pull = new Update().pull(HasOutbox.OUTBOX_FIELD,
						new Document("eventId", new Document("$in", sent)));
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(ref.id())), pull, ref.collection());
			}
		}
		this.pending.remove(ref);
		return sent.size();
	}

	private List<OutboxEntry> stored(DocumentRef ref) {
		Document document = this.mongo.findById(ref.id(), Document.class, ref.collection());
		if (document == null) {
			return List.of();
		}
		return document.getList(HasOutbox.OUTBOX_FIELD, Document.class, List.of())
			.stream()
			.map(OutboxRelay::toEntry)
			.toList();
	}

	int publish(String collection, Object id) {
		return publish(new DocumentRef(collection, id));
	}

	private void failed(List<DocumentRef> refs) {
		this.retry.addAll(refs);
	}

	private RelayLane laneOf(DocumentRef ref) {
		return this.lanes.get(Math.floorMod(ref.hashCode(), this.lanes.size()));
	}

	static OutboxEntry toEntry(Document entry) {
		return new OutboxEntry(entry.getString("eventId"), entry.getString("type"), entry.getString("topic"),
				entry.getString("key"), entry.getString("subject"), occurredAt(entry), entry.getString("payload"),
				entry.getString("actor"));
	}

	private static Instant occurredAt(Document entry) {
		Object value = entry.get("occurredAt");
		return (value instanceof Date date) ? date.toInstant() : (Instant) value;
	}

	@Override
	public void close() {
		this.lanes.forEach(RelayLane::close);
	}

	record DocumentRef(String collection, Object id) {
	}

}
