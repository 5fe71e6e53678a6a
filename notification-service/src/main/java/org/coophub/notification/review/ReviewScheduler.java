package org.coophub.notification.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.agreement.AgreementState;
import org.coophub.platform.messaging.NotArrivedYetException;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.problem.NotFoundException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Keeps each agreement's review schedule in step with the agreement and its ANNUAL_REVIEW
 * activities.
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

	/**
	 * Takes in a newer state of an agreement.
	 * @param agreement the agreement
	 * @param version its version
	 * @return whether the state was new, so reminders may need planning again
	 */
	public boolean follow(AgreementState agreement, long version) {
		ReviewSchedule schedule = find(agreement.id()).orElseGet(() -> ReviewSchedule.of(agreement.id()));
		if (!schedule.follow(agreement, version)) {
			return false;
		}
		this.outbox.save(schedule, schedule.reconcile(today(schedule), this.clock.instant()));
		return true;
	}

	/**
	 * An activity changed: an ANNUAL_REVIEW completed holds the review, one planned for
	 * another day moves it.
	 * @param activity the activity
	 * @return whether the schedule changed
	 */
	public boolean activity(ActivityState activity) {
		if (activity.type() != ActivityType.ANNUAL_REVIEW || activity.startsAt() == null) {
			return false;
		}
		// every agreement event makes a schedule, so none means its events are still on
		// the way: the activity is parked until they are in
		ReviewSchedule schedule = find(activity.agreementId())
			.orElseThrow(() -> new NotArrivedYetException("review schedule of agreement " + activity.agreementId()));
		LocalDate day = activity.startsAt().toLocalDate();
		List<DomainEvent> events = new ArrayList<>();
		if (activity.status() == ActivityStatus.COMPLETED) {
			events.addAll(schedule.held(activity.id(), day, today(schedule), this.clock.instant()));
		}
		else if (activity.status() == ActivityStatus.PLANNED) {
			schedule.rescheduled(activity.id(), day, this.clock.instant()).ifPresent(events::add);
		}
		if (events.isEmpty()) {
			return false;
		}
		this.outbox.save(schedule, events);
		return true;
	}

	public Optional<ReviewSchedule> find(String agreementId) {
		return Optional.ofNullable(this.mongo.findById(agreementId, ReviewSchedule.class));
	}

	public ReviewSchedule schedule(String agreementId) {
		return find(agreementId).orElseThrow(() -> new NotFoundException("Review schedule of agreement", agreementId));
	}

	public LocalDate today(ReviewSchedule schedule) {
		return LocalDate.now(this.clock.withZone(schedule.zone()));
	}

}
