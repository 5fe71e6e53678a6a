package org.coophub.reporting.dashboard;

import java.time.Instant;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.OrganizationState;

/**
 * What the events feed into the dashboards: written one event at a time as they arrive
 * ({@link Projector}) or a poll's worth at a time by a rebuild ({@link ReplayBatch}).
 * Both store the same parts, made here.
 */
public abstract sealed class ProjectionTarget permits Projector, ReplayBatch {

	public final void agreement(AgreementState agreement, long version) {
		agreement(agreement.id(), AgreementSummary.of(agreement, version));
	}

	public final void activity(ActivityState activity, long version, Instant occurredAt) {
		activity(StoredActivity.of(activity.agreementId(), ActivityEntry.of(activity, version, occurredAt)));
	}

	public final void notification(String agreementId, String notificationId, NotificationOutcome outcome,
			String template, long version, Instant at) {
		if (agreementId != null) {
			notification(StoredNotification.of(notificationId, agreementId,
					new NotificationEntry(version, template, outcome, at)));
		}
	}

	public final void organization(OrganizationState organization, long version) {
		organization(new OrganizationName(organization.id(), organization.code(), organization.name(), version));
	}

	public abstract void review(String agreementId, ReviewEntry review);

	abstract void agreement(String agreementId, AgreementSummary agreement);

	abstract void activity(StoredActivity activity);

	abstract void notification(StoredNotification notification);

	abstract void organization(OrganizationName organization);

}
