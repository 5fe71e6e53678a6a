package org.coophub.notification.review;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReviewScheduleController {

	private final ReviewScheduler scheduler;

	ReviewScheduleController(ReviewScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@GetMapping("/api/v1/agreements/{id}/review-schedule")
	ReviewScheduleView schedule(@PathVariable String id) {
		ReviewSchedule schedule = this.scheduler.schedule(id);
		return new ReviewScheduleView(schedule.agreementId(), schedule.timeZone(), schedule.upcoming().orElse(null),
				schedule.cycles());
	}

	record ReviewScheduleView(String agreementId, String timeZone, ReviewCycle next, List<ReviewCycle> cycles) {
	}

}
