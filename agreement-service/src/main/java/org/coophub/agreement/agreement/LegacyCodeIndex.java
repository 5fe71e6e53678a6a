package org.coophub.agreement.agreement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Drops the unique index {@code code} that earlier versions declared on agreements: it
 * would refuse a code used again for a later period, which is allowed since codes are
 * unique per period. Dropping an index that is gone already does nothing, so any number
 * of instances may run this at start-up.
 */
@Component
class LegacyCodeIndex {

	static final String NAME = "code";

	private static final Logger log = LoggerFactory.getLogger(LegacyCodeIndex.class);

	private final MongoTemplate mongo;

	LegacyCodeIndex(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void dropOnStart() {
		try {
			if (drop(this.mongo.indexOps(Agreement.class))) {
				log.info("Dropped the former unique index '{}' of agreements: codes are unique per period", NAME);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not check for the former unique index '{}' of agreements: {}", NAME, ex.getMessage());
		}
	}

	/**
	 * @return whether there was a unique index {@value #NAME} to drop
	 */
	static boolean drop(IndexOperations indexes) {
		boolean legacy = indexes.getIndexInfo()
			.stream()
			.anyMatch((IndexInfo index) -> NAME.equals(index.getName()) && index.isUnique());
		if (legacy) {
			indexes.dropIndex(NAME);
		}
		return legacy;
	}

}
