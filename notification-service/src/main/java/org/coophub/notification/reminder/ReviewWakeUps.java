package org.coophub.notification.reminder;

import org.coophub.notification.review.ReviewScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets review schedules change as the clock moves on, without any event: a cycle falls
 * due at its first reminder's moment ({@code review.scheduled} with status DUE, once per
 * cycle and date), and an unheld one is MISSED once the next cycle's first reminder
 * comes, whose reminders are then planned. Each sweep reads only the schedules whose
 * {@code wakeUpAt} has come, by index.
 */
@Component
class ReviewWakeUps {

	private static final Logger log = LoggerFactory.getLogger(ReviewWakeUps.class);

	static final int BATCH = 100;

	private final ReviewScheduler scheduler;

	private final Reminders reminders;

	ReviewWakeUps(ReviewScheduler scheduler, Reminders reminders) {
		this.scheduler = scheduler;
		this.reminders = reminders;
	}

	@Scheduled(fixedDelayString = "${coophub.reviews.sweep-interval}")
	void sweep() {
		try {
			for (String agreementId : this.scheduler.awake(BATCH)) {
				this.reminders.replanAfter(agreementId, () -> this.scheduler.wakeUp(agreementId));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Waking review schedules failed, will retry: {}", ex.getMessage());
		}
	}

}
