package org.coophub.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every poll, hands what a broker outage left back to the relay; at the first poll and
 * every sweep interval after, scans the outboxes of every document type that has one for
 * what a crash left. The scan is kept rare because mongo-java-server has no secondary
 * indexes: it reads the whole collection and holds its lock meanwhile.
 */
public class OutboxPoller {

	private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

	private final OutboxRelay relay;

	private final MongoMappingContext mappingContext;

	private final Clock clock;

	private final Duration sweepInterval;

	private Instant nextSweep = Instant.MIN;

	public OutboxPoller(OutboxRelay relay, MongoMappingContext mappingContext, Clock clock, Duration sweepInterval) {
		this.relay = relay;
		this.mappingContext = mappingContext;
		this.clock = clock;
		this.sweepInterval = sweepInterval;
	}

	@Scheduled(fixedDelayString = "${coophub.outbox.poll-interval}")
	public void poll() {
		try {
			Instant now = this.clock.instant();
			if (!now.isBefore(this.nextSweep)) {
				int found = this.relay.sweep(outboxCollections());
				this.nextSweep = now.plus(this.sweepInterval);
				if (found > 0) {
					log.info("Outbox sweep found {} documents with delayed events", found);
				}
			}
			this.relay.retryFailed();
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
