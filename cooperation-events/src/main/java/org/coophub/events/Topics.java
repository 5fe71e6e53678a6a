package org.coophub.events;

import java.util.List;

public final class Topics {

	public static final String AGREEMENT_EVENTS = "agreement-events";

	public static final String ACTIVITY_EVENTS = "activity-events";

	public static final String REPORT_EVENTS = "report-events";

	public static final String NOTIFICATION_EVENTS = "notification-events";

	public static final List<String> ALL = List.of(AGREEMENT_EVENTS, ACTIVITY_EVENTS, REPORT_EVENTS,
			NOTIFICATION_EVENTS);

	private Topics() {
	}

}
