package org.coophub.notification.notification;

/**
 * Where a ledger entry stands. PLANNED, SENDING and SENT are the way of a mail; FAILED
 * and CANCELLED end it unsent. SUPPRESSED was never meant to go out: a notice the rules
 * hold back (history entered after the fact), kept so the partners can see it would have
 * been mailed, and never dispatched.
 */
public enum NotificationStatus {

	PLANNED, SENDING, SENT, FAILED, CANCELLED, SUPPRESSED

}
