package org.coophub.events.activity;

public enum ActivityStatus {

	PLANNED, COMPLETED, CANCELLED

}
