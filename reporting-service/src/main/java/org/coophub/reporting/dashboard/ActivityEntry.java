package org.coophub.reporting.dashboard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.common.LocalizedText;

/**
 * One activity as the dashboard counts it, at the version last applied; {@code changedAt}
 * is when that version happened, which orders the recent feed. {@code endsAt},
 * {@code timeZone} and {@code participantOrganizationIds} are kept for the calendar
 * (docs/calendar.md); entries stored before 2026-12-04 lack them until a rebuild.
 */
public record ActivityEntry(String id, long version, ActivityType type, ActivityStatus status, LocalizedText title,
		LocalDateTime startsAt, Location location, String hostOrganizationId, List<String> commitmentIds,
		Outcomes outcomes, Instant changedAt, LocalDateTime endsAt, String timeZone,
		List<String> participantOrganizationIds) {

	static ActivityEntry of(ActivityState state, long version, Instant changedAt) {
		return new ActivityEntry(state.id(), version, state.type(), state.status(), state.title(), state.startsAt(),
				state.location(), state.hostOrganizationId(),
				(state.commitmentIds() != null) ? List.copyOf(state.commitmentIds()) : List.of(), state.outcomes(),
				changedAt, state.endsAt(), state.timeZone(), (state.participantOrganizationIds() != null)
						? List.copyOf(state.participantOrganizationIds()) : List.of());
	}

	/**
	 * Cancelled activities stay in the feed but are not counted as done or planned work.
	 * @return whether the activity counts
	 */
	public boolean counts() {
		return this.status != ActivityStatus.CANCELLED;
	}

	public boolean completed() {
		return this.status == ActivityStatus.COMPLETED;
	}

	public int year() {
		return this.startsAt.getYear();
	}

	public boolean linkedTo(String commitmentId) {
		return this.commitmentIds != null && this.commitmentIds.contains(commitmentId);
	}

}
