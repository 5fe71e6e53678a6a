package org.coophub.agreement.agreement;

import org.coophub.platform.text.SearchTokenBackfill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives agreements stored before they kept search tokens their tokens, once the service
 * is up, on a thread of its own so that start-up does not wait for it; until then such an
 * agreement is missing from free-text results only, and its next change gives it its
 * tokens anyway.
 */
@Component
class AgreementTokenBackfill {

	private static final Logger log = LoggerFactory.getLogger(AgreementTokenBackfill.class);

	private final SearchTokenBackfill backfill;

	AgreementTokenBackfill(MongoTemplate mongo) {
		this.backfill = new SearchTokenBackfill(mongo);
	}

	@EventListener(ApplicationReadyEvent.class)
	void startOnReady() {
		Thread thread = new Thread(this::fill, "agreement-token-backfill");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * @return how many agreements got their tokens
	 */
	long fill() {
		try {
			return this.backfill.fill(Agreement.class, Agreement::id, Agreement::currentSearchTokens);
		}
		catch (RuntimeException ex) {
			log.warn("Could not give older agreements their search tokens: {}", ex.getMessage());
			return 0;
		}
	}

}
