package org.coophub.activity.activity;

import org.coophub.platform.text.SearchTokenBackfill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives activities stored before they kept search tokens their tokens, once the service
 * is up, on a thread of its own so that start-up does not wait for it; until then such an
 * activity is missing from free-text results only, and its next change gives it its
 * tokens anyway.
 */
@Component
class ActivityTokenBackfill {

	private static final Logger log = LoggerFactory.getLogger(ActivityTokenBackfill.class);

	private final SearchTokenBackfill backfill;

	ActivityTokenBackfill(MongoTemplate mongo) {
		this.backfill = new SearchTokenBackfill(mongo);
	}

	@EventListener(ApplicationReadyEvent.class)
	void startOnReady() {
		Thread thread = new Thread(this::fill, "activity-token-backfill");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * @return how many activities got their tokens
	 */
	long fill() {
		try {
			return this.backfill.fill(Activity.class, Activity::id, Activity::currentSearchTokens);
		}
		catch (RuntimeException ex) {
			log.warn("Could not give older activities their search tokens: {}", ex.getMessage());
			return 0;
		}
	}

}
