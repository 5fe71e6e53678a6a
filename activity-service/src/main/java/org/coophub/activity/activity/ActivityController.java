package org.coophub.activity.activity;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import org.coophub.platform.web.Versions;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
class ActivityController {

	private final ActivityService activities;

	ActivityController(ActivityService activities) {
		this.activities = activities;
	}

	@PostMapping
	ResponseEntity<ActivityView> record(@Valid @RequestBody ActivityInput input) {
		Activity activity = this.activities.record(input.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id()))
			.eTag(Versions.etag(activity.version()))
			.body(ActivityView.of(activity));
	}

	@PostMapping("/{id}/complete")
	ResponseEntity<ActivityView> complete(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody(required = false) ActivityChanges.Completion completion) {
		var outcomes = (completion != null && completion.outcomes() != null) ? completion.outcomes().toOutcomes()
				: null;
		return viewOf(this.activities.complete(id, ifMatch, outcomes));
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<ActivityView> cancel(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return viewOf(this.activities.cancel(id, ifMatch));
	}

	@PostMapping("/{id}/reschedule")
	ResponseEntity<ActivityView> reschedule(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody ActivityChanges.NewDates dates) {
		return viewOf(this.activities.reschedule(id, ifMatch, dates));
	}

	@PatchMapping("/{id}")
	ResponseEntity<ActivityView> update(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody ActivityChanges.Patch patch) {
		return viewOf(this.activities.update(id, ifMatch, patch));
	}

	private static ResponseEntity<ActivityView> viewOf(Activity activity) {
		return Versions.ok(ActivityView.of(activity), activity.version());
	}

	@GetMapping("/{id}")
	ResponseEntity<ActivityView> get(@PathVariable String id) {
		ActivityView view = ActivityView.of(this.activities.get(id));
		return Versions.ok(view, view.version());
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed the activity, how and when, oldest first")
	List<ActivityChange> history(@PathVariable String id) {
		return this.activities.get(id).history();
	}

	@GetMapping
	@Operation(summary = "List activities, filtered; q: each word begins a word of the title, description, place or "
			+ "topic, ignoring case and Vietnamese diacritics (\"lam d\" finds \"Lâm Đồng\"); size at most 200, "
			+ "sorted by startsAt (the only sort allowed)")
	PagedModel<ActivityView> list(@ParameterObject ActivityQuery query, @ParameterObject Pageable pageable) {
		Pageable page = ActivityService.PAGING.check(pageable);
		return new PagedModel<>(this.activities.list(query, page).map(ActivityView::of));
	}

}
