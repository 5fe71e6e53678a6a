package org.coophub.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.coophub.platform.work.WorkLane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.BulkOperations;
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
 * <p>
 * Acknowledged entries are removed together every removal delay, one bulk write per
 * collection for all the documents the lanes published meanwhile, instead of one write
 * per document: at a steady rate each lane mostly finds one document waiting, so removing
 * at once costs a MongoDB command per event. Until removed, an acknowledged entry is
 * remembered and never sent again by this relay.
 */
public class OutboxRelay implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final MongoTemplate mongo;

	private final EventSender sender;

	private final Clock clock;

	private final Duration grace;

	private final List<WorkLane<DocumentRef>> lanes = new ArrayList<>();

	/** Documents with entries not yet acknowledged, and how many entries as last seen. */
	private final Map<DocumentRef, Integer> pending = new ConcurrentHashMap<>();

	/**
	 * The outbox of each document as its latest write saved it, so a lane need not read
	 * it back.
	 */
	private final Map<DocumentRef, List<OutboxEntry>> written = new ConcurrentHashMap<>();

	/**
	 * When the oldest entry not yet acknowledged of each pending document occurred: the
	 * backlog's age, which an alert watches (a backlog that is large but young is a
	 * burst; one that is old is a broker that does not answer).
	 */
	private final Map<DocumentRef, Instant> waitingSince = new ConcurrentHashMap<>();

	/** Documents whose last attempt failed or that a sweep found, for the next poll. */
	private final Set<DocumentRef> retry = ConcurrentHashMap.newKeySet();

	/** Entries Kafka acknowledged, waiting for their removal. */
	private final Queue<Acknowledged> unremoved = new ConcurrentLinkedQueue<>();

	/** The event ids of {@link #unremoved}: not to be sent again meanwhile. */
	private final Set<String> acknowledgedIds = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService remover;

	/**
	 * @param grace how old an entry must be before a sweep takes it
	 * @param lanes how many documents are published at once
	 * @param removalDelay how long acknowledged entries wait to be removed together
	 */
	public OutboxRelay(MongoTemplate mongo, EventSender sender, Clock clock, Duration grace, int lanes,
			Duration removalDelay) {
		this.mongo = mongo;
		this.sender = sender;
		this.clock = clock;
		this.grace = grace;
		for (int lane = 0; lane < lanes; lane++) {
			// a lane publishes all that waits when it wakes
			this.lanes.add(new WorkLane<>("outbox-relay-" + lane, Integer.MAX_VALUE, this::publishAll, this::paused));
		}
		this.remover = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "outbox-remover");
			thread.setDaemon(true);
			return thread;
		});
		long delay = Math.max(1, removalDelay.toMillis());
		this.remover.scheduleWithFixedDelay(this::removeAcknowledged, delay, delay, TimeUnit.MILLISECONDS);
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
		if (!outbox.isEmpty()) {
			this.waitingSince.putIfAbsent(ref, outbox.get(0).occurredAt());
		}
		laneOf(ref).offer(List.of(ref));
	}

	/** Hands every document whose last attempt failed back to its lane. */
	public void retryFailed() {
		for (DocumentRef ref : List.copyOf(this.retry)) {
			this.retry.remove(ref);
			laneOf(ref).offer(List.of(ref));
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
					this.waitingSince.put(ref, occurredAt(entries.get(0)));
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
	 * How long the oldest entry not yet acknowledged has waited, per collection with a
	 * backlog, as last seen.
	 */
	public Map<String, Duration> oldestAge() {
		Instant now = this.clock.instant();
		Map<String, Duration> ages = new TreeMap<>();
		this.waitingSince.forEach((ref, since) -> {
			Duration age = Duration.between(since, now);
			ages.merge(ref.collection(), age.isNegative() ? Duration.ZERO : age,
					(a, b) -> (a.compareTo(b) >= 0) ? a : b);
		});
		return ages;
	}

	/**
	 * Sends the document's entries in order, stopping at the first failure so that order
	 * per aggregate holds, and removes what was acknowledged.
	 * @return the number of entries published
	 */
	int publish(DocumentRef ref) {
		Map<DocumentRef, List<String>> acknowledged = new LinkedHashMap<>();
		try {
			return send(ref, acknowledged);
		}
		finally {
			toRemove(acknowledged);
		}
	}

	/**
	 * Sends the documents' entries, each document's in order, and hands what Kafka
	 * acknowledged to the removal. Stops at the first failure.
	 * @param refs the documents, in the order they were handed over
	 * @throws RelayPausedException naming the document that failed and those after it,
	 * once what was sent before it is handed to the removal
	 */
	void publishAll(List<DocumentRef> refs) {
		Map<DocumentRef, List<String>> acknowledged = new LinkedHashMap<>();
		try {
			for (int i = 0; i < refs.size(); i++) {
				try {
					send(refs.get(i), acknowledged);
				}
				catch (RuntimeException ex) {
					throw new RelayPausedException(List.copyOf(refs.subList(i, refs.size())), ex);
				}
			}
		}
		finally {
			toRemove(acknowledged);
		}
	}

	private int send(DocumentRef ref, Map<DocumentRef, List<String>> acknowledged) {
		List<OutboxEntry> written = this.written.remove(ref);
		// a document saved again before its removal still holds what was sent
		List<OutboxEntry> entries = ((written != null) ? written : stored(ref)).stream()
			.filter((entry) -> !this.acknowledgedIds.contains(entry.eventId()))
			.toList();
		List<String> sent = new ArrayList<>();
		try {
			for (OutboxEntry entry : entries) {
				this.sender.send(entry);
				sent.add(entry.eventId());
			}
		}
		catch (RuntimeException ex) {
			this.pending.put(ref, entries.size() - sent.size());
			this.waitingSince.put(ref, entries.get(sent.size()).occurredAt());
			throw ex;
		}
		finally {
			if (!sent.isEmpty()) {
				acknowledged.put(ref, sent);
			}
		}
		this.pending.remove(ref);
		this.waitingSince.remove(ref);
		return sent.size();
	}

	private void toRemove(Map<DocumentRef, List<String>> acknowledged) {
		acknowledged.forEach((ref, eventIds) -> {
			this.acknowledgedIds.addAll(eventIds);
			this.unremoved.add(new Acknowledged(ref, eventIds));
		});
	}

	/**
	 * Pulls the acknowledged entries from their documents: one bulk write per collection.
	 * What a failed write did not remove stays for the next time.
	 */
	void removeAcknowledged() {
		List<Acknowledged> taken = new ArrayList<>();
		for (Acknowledged ack = this.unremoved.poll(); ack != null; ack = this.unremoved.poll()) {
			taken.add(ack);
		}
		Map<String, List<Acknowledged>> byCollection = new TreeMap<>();
		taken.forEach((ack) -> byCollection.computeIfAbsent(ack.ref().collection(), (c) -> new ArrayList<>()).add(ack));
		byCollection.forEach((collection, acks) -> {
			try {
				BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
				for (Acknowledged ack : acks) {
					bulk.updateOne(Query.query(Criteria.where("_id").is(ack.ref().id())), new Update()
						.pull(HasOutbox.OUTBOX_FIELD, new Document("eventId", new Document("$in", ack.eventIds()))));
				}
				bulk.execute();
				acks.forEach((ack) -> this.acknowledgedIds.removeAll(ack.eventIds()));
			}
			catch (RuntimeException ex) {
				log.warn("Removing published outbox entries from {} failed, will retry: {}", collection,
						ex.getMessage());
				this.unremoved.addAll(acks);
			}
		});
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

	/**
	 * Keeps for the poller's retry what a lane could not publish: from the document that
	 * failed on, and all that waited behind it.
	 */
	private void paused(List<DocumentRef> batch, RuntimeException failure, List<DocumentRef> waiting) {
		log.warn("Outbox relay paused, the poller will retry: {}", failure.getMessage());
		this.retry.addAll((failure instanceof RelayPausedException paused) ? paused.unpublished() : batch);
		this.retry.addAll(waiting);
	}

	private WorkLane<DocumentRef> laneOf(DocumentRef ref) {
		return this.lanes.get(Math.floorMod(ref.hashCode(), this.lanes.size()));
	}

	static OutboxEntry toEntry(Document entry) {
		return new OutboxEntry(entry.getString("eventId"), entry.getString("type"), entry.getString("topic"),
				entry.getString("key"), entry.getString("subject"), occurredAt(entry), entry.getString("payload"),
				entry.getString("actor"), entry.getString("traceparent"));
	}

	private static Instant occurredAt(Document entry) {
		Object value = entry.get("occurredAt");
		return (value instanceof Date date) ? date.toInstant() : (Instant) value;
	}

	@Override
	public void close() {
		this.lanes.forEach(WorkLane::close);
		this.remover.shutdown();
		try {
			this.remover.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// what was acknowledged last would otherwise be sent again after a restart
		removeAcknowledged();
	}

	record DocumentRef(String collection, Object id) {
	}

	private record Acknowledged(DocumentRef ref, List<String> eventIds) {
	}

	/** Sending failed: the documents not published, to be tried again. */
	static final class RelayPausedException extends RuntimeException {

		private final transient List<DocumentRef> unpublished;

		RelayPausedException(List<DocumentRef> unpublished, RuntimeException cause) {
			super(cause.getMessage(), cause);
			this.unpublished = unpublished;
		}

		List<DocumentRef> unpublished() {
			return this.unpublished;
		}

	}

}
