package org.coophub.reporting.dashboard;

import java.time.Instant;
import java.time.LocalDate;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.platform.zone.ProgramZone;

/**
 * What the events feed into the dashboards: written one event at a time as they arrive
 * ({@link Projector}), a poll's worth at a time as they arrive ({@link LiveBatch}) or by
 * a rebuild ({@link ReplayBatch}). Both store the same parts, made here.
 */
public abstract sealed class ProjectionTarget permits Projector, ReplayBatch, LiveBatch {

	private final ProgramZone programZone;

	/**
	 * @param programZone the zone of an agreement that names none
	 */
	ProjectionTarget(ProgramZone programZone) {
		this.programZone = programZone;
	}

	public final void agreement(AgreementState agreement, long version) {
		agreement(agreement.id(), AgreementSummary.of(agreement, version));
	}

	/**
	 * An agreement event: the agreement's current state for the dashboard, and the
	 * version with the day it took effect for reports of past periods (written first, so
	 * a report never sees the head without its version).
	 * @param agreement the state
	 * @param version its version
	 * @param effectiveOn the day it took effect, or null for the day it was recorded
	 * @param recordedAt the event's time
	 */
	public final void agreement(AgreementState agreement, long version, LocalDate effectiveOn, Instant recordedAt) {
		agreementVersion(AgreementVersion.of(agreement, version, effectiveOn, recordedAt, this.programZone));
		agreement(agreement, version);
	}

	/**
	 * The agreement as created, in force from its start.
	 * @param agreement the state
	 * @param version its version
	 * @param recordedAt the event's time
	 */
	public final void agreementCreated(AgreementState agreement, long version, Instant recordedAt) {
		agreementVersion(AgreementVersion.created(agreement, version, recordedAt, this.programZone));
		agreement(agreement, version);
	}

	/**
	 * A review cycle event: the cycle itself, kept per year, and the dashboard's review.
	 * @param agreementId the agreement
	 * @param review the cycle's state
	 * @param recordedAt the event's time
	 */
	public final void review(String agreementId, ReviewEntry review, Instant recordedAt) {
		reviewCycle(ReviewCycleEntry.of(agreementId, review, recordedAt));
		review(agreementId, review);
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

	abstract void agreementVersion(AgreementVersion version);

	abstract void reviewCycle(ReviewCycleEntry cycle);

	abstract void notification(StoredNotification notification);

	abstract void organization(OrganizationName organization);

}
