package org.coophub.reporting.dashboard;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One agreement's projection as read: its head with the activities and notification
 * outcomes it lists (see {@link DashboardHead}); every count is derived from these.
 *
 * @param agreementId the agreement
 * @param agreement the agreement at its version, or null before it arrived
 * @param review the review at the cycle's version, or null
 * @param activities the activities by id
 * @param notifications the notification outcomes by notification id
 */
public record AgreementDashboard(String agreementId, AgreementSummary agreement, ReviewEntry review,
		Map<String, ActivityEntry> activities, Map<String, NotificationEntry> notifications) {

	static AgreementDashboard of(DashboardHead head, Collection<StoredActivity> activities,
			Collection<StoredNotification> notifications) {
		return new AgreementDashboard(head.agreementId(), head.agreement(), head.review(),
				activities.stream().collect(Collectors.toMap(StoredActivity::id, StoredActivity::entry)),
				notifications.stream().collect(Collectors.toMap(StoredNotification::id, StoredNotification::entry)));
	}

}
