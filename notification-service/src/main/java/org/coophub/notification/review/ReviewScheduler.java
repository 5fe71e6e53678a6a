package org.coophub.notification.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.problem.NotFoundException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Keeps each agreement's review schedule in step with the agreement.
 */
@Service
public class ReviewScheduler {

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final Clock clock;

	ReviewScheduler(MongoTemplate mongo, OutboxWriter outbox, Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock;
	}

	public void follow(AgreementState agreement, long version) {
		ReviewSchedule schedule = Optional.ofNullable(this.mongo.findById(agreement.id(), ReviewSchedule.class))
			.orElseGet(() -> ReviewSchedule.of(agreement.id()));
		if (!schedule.follow(agreement, version)) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of(schedule.timeZone())));
		List<ReviewScheduled> planned = schedule.planNext(today, this.clock.instant()).stream().toList();
		this.outbox.save(schedule, planned);
	}

	ReviewSchedule schedule(String agreementId) {
		ReviewSchedule schedule = this.mongo.findById(agreementId, ReviewSchedule.class);
		if (schedule == null) {
			throw new NotFoundException("Review schedule of agreement", agreementId);
		}
		return schedule;
	}

}
