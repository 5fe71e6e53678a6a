package org.coophub.platform.outbox;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Re-sends, about every second, what a crash or a broker outage left in the outboxes of
 * every document type that has one.
 */
public class OutboxPoller {

	private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

	private final OutboxRelay relay;

	private final MongoMappingContext mappingContext;

	public OutboxPoller(OutboxRelay relay, MongoMappingContext mappingContext) {
		this.relay = relay;
		this.mappingContext = mappingContext;
	}

	@Scheduled(fixedDelayString = "${coophub.outbox.poll-interval}")
	public void poll() {
		try {
			int published = this.relay.publishPending(outboxCollections());
			if (published > 0) {
				log.info("Outbox poller published {} delayed events", published);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outbox poll failed, will retry: {}", ex.getMessage());
		}
	}

	public List<String> outboxCollections() {
		return this.mappingContext.getPersistentEntities()
			.stream()
			.filter((entity) -> HasOutbox.class.isAssignableFrom(entity.getType()))
			.map(MongoPersistentEntity::getCollection)
			.distinct()
			.sorted()
			.toList();
	}

}
