package org.coophub.reporting.messaging;

import java.util.function.Supplier;

import org.coophub.events.activity.ActivityCancelled;
import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityRescheduled;
import org.coophub.events.activity.ActivityUpdated;
import org.coophub.events.agreement.AgreementAmended;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.CommitmentAdded;
import org.coophub.events.agreement.CommitmentUpdated;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationUpdated;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyDeclined;
import org.coophub.events.notification.NotificationFailed;
import org.coophub.events.notification.NotificationSent;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewHeld;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.platform.messaging.EventRouter.Routes;
import org.coophub.reporting.dashboard.NotificationOutcome;
import org.coophub.reporting.dashboard.ProjectionTarget;
import org.coophub.reporting.dashboard.ReviewEntry;

/**
 * Which event feeds which part of the projection; shared by the live consumers and the
 * rebuild's replay, so both build the same thing.
 */
final class ProjectionRoutes {

	private ProjectionRoutes() {
	}

	static Routes agreementEvents(Routes routes, Supplier<? extends ProjectionTarget> projector) {
		return routes
			.on(OrganizationRegistered.class, (e) -> projector.get().organization(e.organization(), e.version()))
			.on(OrganizationUpdated.class, (e) -> projector.get().organization(e.organization(), e.version()))
			.on(AgreementCreated.class,
					(e) -> projector.get().agreementCreated(e.agreement(), e.version(), e.occurredAt()))
			.on(AgreementStatusChanged.class,
					(e) -> projector.get().agreement(e.agreement(), e.version(), e.effectiveOn(), e.occurredAt()))
			.on(AgreementAmended.class,
					(e) -> projector.get().agreement(e.agreement(), e.version(), e.effectiveOn(), e.occurredAt()))
			.on(CommitmentAdded.class,
					(e) -> projector.get().agreement(e.agreement(), e.version(), e.effectiveOn(), e.occurredAt()))
			.on(CommitmentUpdated.class,
					(e) -> projector.get().agreement(e.agreement(), e.version(), null, e.occurredAt()))
			// an answer changes the parties' consent: the agreement as it stands after
			// it,
			// in effect the day it was given
			.on(PartyAccepted.class, (e) -> projector.get().agreement(e.agreement(), e.version(), null, e.occurredAt()))
			.on(PartyDeclined.class,
					(e) -> projector.get().agreement(e.agreement(), e.version(), null, e.occurredAt()));
	}

	static Routes activityEvents(Routes routes, Supplier<? extends ProjectionTarget> projector) {
		return routes
			.on(ActivityRecorded.class, (e) -> projector.get().activity(e.activity(), e.version(), e.occurredAt()))
			.on(ActivityUpdated.class, (e) -> projector.get().activity(e.activity(), e.version(), e.occurredAt()))
			.on(ActivityRescheduled.class, (e) -> projector.get().activity(e.activity(), e.version(), e.occurredAt()))
			.on(ActivityCompleted.class, (e) -> projector.get().activity(e.activity(), e.version(), e.occurredAt()))
			.on(ActivityCancelled.class, (e) -> projector.get().activity(e.activity(), e.version(), e.occurredAt()));
	}

	static Routes notificationEvents(Routes routes, Supplier<? extends ProjectionTarget> projector) {
		return routes
			.on(ReviewScheduled.class, (e) -> projector.get().review(e.agreementId(), scheduled(e), e.occurredAt()))
			.on(ReviewHeld.class, (e) -> projector.get().review(e.agreementId(), held(e), e.occurredAt()))
			.on(NotificationSent.class,
					(e) -> projector.get()
						.notification(e.agreementId(), e.notificationId(),
								e.late() ? NotificationOutcome.LATE : NotificationOutcome.SENT, e.template(),
								e.version(), e.occurredAt()))
			.on(NotificationFailed.class,
					(e) -> projector.get()
						.notification(e.agreementId(), e.notificationId(), NotificationOutcome.FAILED, e.template(),
								e.version(), e.occurredAt()));
	}

	static ReviewEntry scheduled(ReviewScheduled e) {
		return new ReviewEntry(e.version(), e.year(), e.dueOn(), e.hostOrganizationId(), e.status(), null, null);
	}

	static ReviewEntry held(ReviewHeld e) {
		return new ReviewEntry(e.version(), e.year(), e.dueOn(), e.hostOrganizationId(), ReviewCycleStatus.HELD,
				e.heldOn(), e.nextHostOrganizationId());
	}

}
