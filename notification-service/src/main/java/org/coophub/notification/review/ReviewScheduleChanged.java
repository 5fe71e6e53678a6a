package org.coophub.notification.review;

/**
 * A party changed a review schedule (skipped or moved a cycle): its reminders and the
 * calendars of those invited need planning again. An in-process Spring event, so that the
 * schedule does not depend on the reminders.
 *
 * @param agreementId the agreement
 */
public record ReviewScheduleChanged(String agreementId) {
}
