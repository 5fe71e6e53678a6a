package org.coophub.events.notification;

public enum ReviewCycleStatus {

	UPCOMING, DUE, OVERDUE, HELD, CANCELLED

}
