package org.coophub.notification.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.web.PlainText;
import org.coophub.platform.web.Versions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Review schedules",
		description = "Lịch sơ kết hằng năm: each agreement's annual review cycles and their hosts")
class ReviewScheduleController {

	private static final String SCHEDULE = "/api/v1/agreements/{id}/review-schedule";

	private final ReviewScheduler scheduler;

	ReviewScheduleController(ReviewScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@GetMapping(SCHEDULE)
	@Operation(summary = "An agreement's review schedule",
			description = "The next cycle and all cycles {year, dueOn, hostOrganizationId, status}; the ETag is the "
					+ "schedule's version, for If-Match on skip and move.")
	ResponseEntity<ReviewScheduleView> schedule(@PathVariable String id) {
		ReviewSchedule schedule = this.scheduler.schedule(id);
		return Versions.ok(view(schedule), schedule.version());
	}

	/**
	 * A party declares a cycle skipped (If-Match: the schedule's ETag).
	 */
	@PostMapping(SCHEDULE + "/cycles/{year}/skip")
	@Operation(summary = "Skip a review cycle",
			description = "A party declares the cycle skipped, body {note} (If-Match: the schedule's ETag) → "
					+ "review.scheduled SKIPPED. For an EDITOR of a party or an ADMIN (403); 422 naming year when the "
					+ "cycle is held, skipped or does not exist. Answers the schedule with its new ETag.")
	ResponseEntity<ReviewScheduleView> skip(@PathVariable String id, @PathVariable int year,
			@Valid @RequestBody SkipRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ReviewSchedule schedule = this.scheduler.skip(id, year, request.note(), ifMatch, actor());
		return Versions.ok(view(schedule), schedule.version());
	}

	/**
	 * A party moves a cycle to another day of its year (If-Match: the schedule's ETag).
	 */
	@PostMapping(SCHEDULE + "/cycles/{year}/move")
	@Operation(summary = "Move a review cycle to another day",
			description = "A party moves the cycle, body {dueOn, note} (If-Match: the schedule's ETag), as skip; 422 "
					+ "naming dueOn outside the cycle's year or the agreement's period. Answers the schedule with its "
					+ "new ETag.")
	ResponseEntity<ReviewScheduleView> move(@PathVariable String id, @PathVariable int year,
			@Valid @RequestBody MoveRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ReviewSchedule schedule = this.scheduler.move(id, year, request.dueOn(), request.note(), ifMatch, actor());
		return Versions.ok(view(schedule), schedule.version());
	}

	@GetMapping(SCHEDULE + "/history")
	@Operation(summary = "The schedule's changes",
			description = "The parties' changes, oldest first: version, at, actor, change (SKIPPED, MOVED), year, note, "
					+ "dueOn.")
	List<ScheduleChange> history(@PathVariable String id) {
		return this.scheduler.schedule(id).history();
	}

	private ReviewScheduleView view(ReviewSchedule schedule) {
		LocalDate today = this.scheduler.today(schedule);
		Instant now = this.scheduler.now();
		int firstLead = schedule.firstLeadDays();
		List<CycleView> cycles = schedule.cycles()
			.stream()
			.map((c) -> CycleView.of(c, c.statusAt(now, schedule.zone(), firstLead)))
			.toList();
		CycleView next = schedule.upcoming()
			.map((c) -> CycleView.of(c, c.statusAt(now, schedule.zone(), firstLead)))
			.orElse(null);
		return new ReviewScheduleView(schedule.agreementId(), schedule.zone().getId(), today, schedule.knownSince(),
				schedule.version(), next, cycles);
	}

	private static String actor() {
		return Actors.current().map(Actor::name).orElse("anonymous");
	}

	/**
	 * Why a cycle is skipped.
	 *
	 * @param note the reason, kept in the history and announced
	 */
	record SkipRequest(@NotNull @Size(min = 1, max = 500) @PlainText(multiline = true) String note) {
	}

	/**
	 * Where a cycle moves.
	 *
	 * @param dueOn the new day, in the cycle's year and the agreement's period
	 * @param note the reason
	 */
	record MoveRequest(@NotNull LocalDate dueOn, @Size(max = 500) @PlainText(multiline = true) String note) {
	}

	record ReviewScheduleView(String agreementId, String timeZone, LocalDate today, Instant knownSince, long version,
			CycleView next, List<CycleView> cycles) {
	}

	record CycleView(int year, LocalDate dueOn, String hostOrganizationId, String plannedHostOrganizationId,
			String rotation, ReviewCycleStatus status, int sequence, String reviewActivityId, LocalDate heldOn,
			List<String> otherReviewActivityIds, String note) {

		static CycleView of(ReviewCycle cycle, ReviewCycleStatus status) {
			return new CycleView(cycle.year(), cycle.dueOn(), cycle.hostOrganizationId(),
					cycle.plannedHostOrganizationId(), cycle.rotation(), status, cycle.sequence(),
					cycle.reviewActivityId(), cycle.heldOn(), cycle.otherReviewActivityIds(), cycle.note());
		}

	}

}
