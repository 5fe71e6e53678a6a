package org.coophub.reporting.dashboard;

import java.time.LocalDateTime;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.common.LocalizedText;

/**
 * One activity as the dashboard counts it, at the version last applied.
 */
record ActivityEntry(String id, long version, ActivityType type, ActivityStatus status, LocalizedText title,
		LocalDateTime startsAt, Outcomes outcomes) {

	static ActivityEntry of(ActivityState state, long version) {
		return new ActivityEntry(state.id(), version, state.type(), state.status(), state.title(), state.startsAt(),
				state.outcomes());
	}

	/**
	 * Cancelled activities stay in the feed but are not counted as done or planned work.
	 */
	boolean counts() {
		return this.status != ActivityStatus.CANCELLED;
	}

	int year() {
		return this.startsAt.getYear();
	}

}
