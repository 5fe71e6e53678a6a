package org.coophub.activity.activity;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coophub.platform.paging.ListPage;
import org.coophub.platform.web.Versions;
import org.coophub.platform.zone.ProgramZone;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Activities",
		description = "Hoạt động hợp tác: the activities the parties carry out under "
				+ "an agreement, their outcomes and their history")
@RequestMapping("/api/v1/activities")
class ActivityController {

	private final ActivityService activities;

	private final ProgramZone programZone;

	ActivityController(ActivityService activities, ProgramZone programZone) {
		this.activities = activities;
		this.programZone = programZone;
	}

	@PostMapping
	@Operation(summary = "Record an activity",
			description = "Records an activity under an ACTIVE agreement: type, title {vi, en}, description, dates (local "
					+ "date-times in timeZone), place, host, participants, departments, commitments, status PLANNED or"
					+ " COMPLETED and the outcomes of its type. Checked against this service's copy of the agreement "
					+ "and its organizations (fed by agreement-events): 422 while the agreement is not known yet "
					+ "(retry once its event has arrived), and for an agreement that is not ACTIVE, dates outside its "
					+ "period, a host or participant that is not a party, an outcome of another type. notifyPartners "
					+ "false (history entered after the fact) e-mails no one. Answers 201 with Location and ETag.")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<ActivityView> record(@Valid @RequestBody ActivityInput input) {
		Activity activity = this.activities.record(input.toDetails(this.programZone));
		return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id()))
			.eTag(Versions.etag(activity.version()))
			.body(ActivityView.of(activity));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Complete a planned activity",
			description = "PLANNED → COMPLETED (If-Match required) → activity.completed. The optional body {outcomes} "
					+ "replaces the recorded outcomes and must fit the type (422). From another status: 409 naming the"
					+ " current one.")
	ResponseEntity<ActivityView> complete(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody(required = false) ActivityChanges.Completion completion) {
		var outcomes = (completion != null && completion.outcomes() != null) ? completion.outcomes().toOutcomes()
				: null;
		return viewOf(this.activities.complete(id, ifMatch, outcomes));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a planned activity",
			description = "PLANNED → CANCELLED (If-Match required) → activity.cancelled. The optional body {note} says "
					+ "why; it is kept with the activity and shown as cancellationNote. From another status: 409 naming "
					+ "the current one; a cancelled activity no longer changes.")
	ResponseEntity<ActivityView> cancel(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody(required = false) ActivityChanges.Cancellation cancellation) {
		return viewOf(this.activities.cancel(id, ifMatch, (cancellation != null) ? cancellation.note() : null));
	}

	@PostMapping("/{id}/reschedule")
	@Operation(summary = "Move a planned activity to new dates",
			description = "PLANNED only (If-Match required), body {startsAt, endsAt, note}: the old dates stay in the "
					+ "activity's history and are carried by activity.rescheduled.")
	ResponseEntity<ActivityView> reschedule(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody ActivityChanges.NewDates dates) {
		return viewOf(this.activities.reschedule(id, ifMatch, dates));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change an activity",
			description = "Changes the title, description, place, participants, departments, commitments or outcomes "
					+ "(replaced as a whole), checked as on recording (If-Match required) → activity.updated. Dates "
					+ "change only by rescheduling; notifyPartners stays as recorded; a CANCELLED activity no longer "
					+ "changes (409).")
	ResponseEntity<ActivityView> update(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody ActivityChanges.Patch patch) {
		return viewOf(this.activities.update(id, ifMatch, patch));
	}

	private static ResponseEntity<ActivityView> viewOf(Activity activity) {
		return Versions.ok(ActivityView.of(activity), activity.version());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One activity",
			description = "The activity as recorded, with its outcomes; the ETag is its version, for If-Match.")
	ResponseEntity<ActivityView> get(@PathVariable String id) {
		ActivityView view = ActivityView.of(this.activities.get(id));
		return Versions.ok(view, view.version());
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed the activity, how and when",
			description = "Every change of the activity: version, change, actor (user@ORGANIZATION), when, and the "
					+ "traceId of the request that made it (its log lines, events and mails carry it), oldest first.")
	List<ActivityChange> history(@PathVariable String id) {
		return this.activities.get(id).history();
	}

	@GetMapping
	@Operation(summary = "List activities",
			description = "Filtered by agreement, type, status, host and start day (from and to, ISO dates); q: each word "
					+ "begins a word of the title, description, place or topic, ignoring case and Vietnamese "
					+ "diacritics (\"lam d\" finds \"Lâm Đồng\"). Paged (size at most 200), sorted by startsAt (the "
					+ "only sort allowed, startsAt,desc too) then id. With q, the total counts at most 1,000 matches: "
					+ "when more match, page.totalElements is 1,000 and page.totalCapped is true.")
	ListPage<ActivityView> list(@ParameterObject ActivityQuery query, @ParameterObject Pageable pageable) {
		Pageable page = ActivityService.PAGING.check(pageable);
		return this.activities.list(query, page).map(ActivityView::of);
	}

}
