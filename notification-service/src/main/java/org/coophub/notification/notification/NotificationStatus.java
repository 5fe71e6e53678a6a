package org.coophub.notification.notification;

public enum NotificationStatus {

	PLANNED, SENDING, SENT, FAILED, CANCELLED

}
