package org.coophub.agreement.agreement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.coophub.events.agreement.AgreementStatus;
import org.coophub.platform.outbox.OutboxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires agreements whose period has ended, by the calendar of each agreement's time
 * zone. Any number of instances may run this: each expiry is saved under the document's
 * optimistic lock (a conditional update on its lock version), so when two instances race
 * only one transition is stored and published; the other finds the lock moved and moves
 * on.
 */
@Component
class AgreementExpiry {

	private static final Logger log = LoggerFactory.getLogger(AgreementExpiry.class);

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final Clock clock;

	AgreementExpiry(MongoTemplate mongo, OutboxWriter outbox, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${coophub.agreements.expiry-interval:PT15M}",
			initialDelayString = "${coophub.agreements.expiry-initial-delay:PT1M}")
	void run() {
		try {
			int expired = expireEnded();
			if (expired > 0) {
				log.info("Expired {} agreements whose period has ended", expired);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Agreement expiry failed, will retry: {}", ex.getMessage());
		}
	}

	/**
	 * @return how many agreements this call expired
	 */
	int expireEnded() {
		Instant now = this.clock.instant();
		int expired = 0;
		for (Agreement agreement : running()) {
			if (agreement.hasEndedBy(agreement.today(now)) && expire(agreement, now)) {
				expired++;
			}
		}
		return expired;
	}

	private List<Agreement> running() {
		Query query = Query.query(
				Criteria.where("status").in(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED).and("endsOn").ne(null));
		return this.mongo.find(query, Agreement.class);
	}

	private boolean expire(Agreement agreement, Instant now) {
		try {
			this.outbox.save(agreement, agreement.transition(Transition.EXPIRE, now, "system"));
			return true;
		}
		catch (OptimisticLockingFailureException ex) {
			log.debug("Agreement {} changed meanwhile (another instance?); the next run looks again", agreement.id());
			return false;
		}
	}

}
