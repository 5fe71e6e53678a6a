package org.coophub.platform.outbox;

import java.util.List;

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
		MongoPersistentEntity<?> entity = this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(saved.getClass());
		Object id = entity.getIdentifierAccessor(saved).getRequiredIdentifier();
		this.relay.publishSoon(entity.getCollection(), id, saved.outbox());
		return saved;
	}

	public <T extends HasOutbox> T save(T document, DomainEvent event) {
		return save(document, List.of(event));
	}

	private OutboxEntry toEntry(DomainEvent event) {
		return OutboxEntry.of(event, this.json.writeValueAsString(event));
	}

}
