package org.coophub.notification.notification;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a ledger entry is about. Stored, filtered on ({@code ?kind=}) and shown by its
 * {@link #value()}, the strings the ledger has always held, so entries written before
 * this enum existed read unchanged; never rename a value.
 */
public enum NotificationKind {

	/** A review reminder, lead day or overdue alike. */
	REVIEW_REMINDER("review-reminder"),

	/** A partner recorded an activity. */
	ACTIVITY_RECORDED("activity-recorded"),

	/** A partner completed an activity. */
	ACTIVITY_COMPLETED("activity-completed"),

	/** A partner moved a planned activity. */
	ACTIVITY_RESCHEDULED("activity-rescheduled"),

	/** A partner cancelled a planned activity. */
	ACTIVITY_CANCELLED("activity-cancelled"),

	/** A day's activity notices in one mail. */
	ACTIVITY_DIGEST("activity-digest"),

	/** A link to a generated annual review report. */
	ANNUAL_REPORT("annual-report"),

	/** The calendar cancellation of a skipped or cancelled review. */
	REVIEW_CANCEL("review-cancel"),

	/** The updated invitation of a moved review. */
	REVIEW_UPDATE("review-update");

	private final String value;

	NotificationKind(String value) {
		this.value = value;
	}

	/**
	 * The stored and shown name, which is also the mail's template name.
	 * @return e.g. {@code review-reminder}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * The kind of a stored or requested name.
	 * @param value e.g. {@code activity-recorded}
	 * @return the kind
	 * @throws IllegalArgumentException if no kind has that name
	 */
	@JsonCreator
	public static NotificationKind of(String value) {
		return Arrays.stream(values())
			.filter((kind) -> kind.value.equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown notification kind '" + value + "', one of "
					+ Arrays.stream(values()).map(NotificationKind::value).toList()));
	}

}
