package org.coophub.platform.outbox;

import java.util.List;
import java.util.function.Function;

import org.coophub.events.DomainEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Saves an aggregate together with the events of its change, then asks the relay to
 * publish them. The save is the commit point: once it returns, the events will reach
 * Kafka.
 */
public class OutboxWriter {

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final OutboxRelay relay;

	public OutboxWriter(MongoTemplate mongo, JsonMapper json, OutboxRelay relay) {
		this.mongo = mongo;
		this.json = json;
		this.relay = relay;
	}

	public <T extends HasOutbox> T save(T document, List<? extends DomainEvent> events) {
		events.forEach((event) -> document.outbox().add(toEntry(event)));
		T saved = this.mongo.save(document);
		publishSoon(saved);
		return saved;
	}

	public <T extends HasOutbox> T save(T document, DomainEvent event) {
		return save(document, List.of(event));
	}

	/**
	 * Inserts new documents, each with the event of its creation, in one bulk insert (an
	 * import's many rows cost one round trip, not one each), then asks the relay to
	 * publish the events.
	 * @param <T> the document type
	 * @param documents the new documents
	 * @param creation the event of a document's creation
	 * @return the inserted documents
	 */
	public <T extends HasOutbox> List<T> insertAll(List<T> documents, Function<T, ? extends DomainEvent> creation) {
		documents.forEach((document) -> document.outbox().add(toEntry(creation.apply(document))));
		List<T> inserted = List.copyOf(this.mongo.insertAll(documents));
		inserted.forEach(this::publishSoon);
		return inserted;
	}

	private void publishSoon(HasOutbox saved) {
		MongoPersistentEntity<?> entity = this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(saved.getClass());
		Object id = entity.getIdentifierAccessor(saved).getRequiredIdentifier();
		this.relay.publishSoon(entity.getCollection(), id, saved.outbox());
	}

	private OutboxEntry toEntry(DomainEvent event) {
		return OutboxEntry.of(event, this.json.writeValueAsString(event));
	}

}
