package org.coophub.events.agreement;

/**
 * What a commitment's yearly target counts.
 */
public enum TargetMeasure {

	/** Activities of the target's types (any type when none is named). */
	ACTIVITIES,

	/** The sum of one outcome of the activities, e.g. investors attending or capital. */
	OUTCOME_SUM

}
