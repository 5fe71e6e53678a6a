package org.coophub.activity.activity;

import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityCancelled;
import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityRescheduled;
import org.coophub.events.activity.ActivityUpdated;

/**
 * What changed an activity, as its history stores and shows it. The constants' names are
 * what the history has always held (they were once derived from the event's class name),
 * so they are stored by name and must never be renamed; a renamed event class changes
 * nothing here.
 */
enum ActivityChangeKind {

	/** Recorded, by hand or by an import. */
	RECORDED,

	/** Its details changed. */
	UPDATED,

	/** Its dates moved. */
	RESCHEDULED,

	/** It took place, with its outcomes. */
	COMPLETED,

	/** It will not take place. */
	CANCELLED;

	/**
	 * The change an activity's event records.
	 * @param event one of the activity's events
	 * @return the change
	 * @throws IllegalArgumentException for an event that does not change an activity
	 */
	static ActivityChangeKind of(DomainEvent event) {
		if (event instanceof ActivityRecorded) {
			return RECORDED;
		}
		if (event instanceof ActivityUpdated) {
			return UPDATED;
		}
		if (event instanceof ActivityRescheduled) {
			return RESCHEDULED;
		}
		if (event instanceof ActivityCompleted) {
			return COMPLETED;
		}
		if (event instanceof ActivityCancelled) {
			return CANCELLED;
		}
		throw new IllegalArgumentException("Not a change of an activity: " + event.getClass().getName());
	}

}
