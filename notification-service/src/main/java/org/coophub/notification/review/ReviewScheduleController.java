package org.coophub.notification.review;

import java.time.LocalDate;
import java.util.List;

import org.coophub.events.notification.ReviewCycleStatus;

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
		LocalDate today = this.scheduler.today(schedule);
		int firstLead = schedule.leadDays().stream().findFirst().orElse(0);
		List<CycleView> cycles = schedule.cycles().stream().map((c) -> CycleView.of(c, today, firstLead)).toList();
		CycleView next = schedule.upcoming().map((c) -> CycleView.of(c, today, firstLead)).orElse(null);
		return new ReviewScheduleView(schedule.agreementId(), schedule.zone().getId(), today, next, cycles);
	}

	record ReviewScheduleView(String agreementId, String timeZone, LocalDate today, CycleView next,
			List<CycleView> cycles) {
	}

	record CycleView(int year, LocalDate dueOn, String hostOrganizationId, ReviewCycleStatus status, int sequence,
			String reviewActivityId, LocalDate heldOn) {

		static CycleView of(ReviewCycle cycle, LocalDate today, int firstLead) {
			return new CycleView(cycle.year(), cycle.dueOn(), cycle.hostOrganizationId(),
					cycle.statusOn(today, firstLead), cycle.sequence(), cycle.reviewActivityId(), cycle.heldOn());
		}

	}

}
