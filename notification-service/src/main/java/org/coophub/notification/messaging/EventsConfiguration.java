package org.coophub.notification.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.coophub.events.activity.ActivityCancelled;
import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityRescheduled;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityUpdated;
import org.coophub.events.agreement.AgreementAmended;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.CommitmentAdded;
import org.coophub.events.agreement.CommitmentUpdated;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationUpdated;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyDeclined;
import org.coophub.events.report.AnnualReportGenerated;
import org.coophub.notification.directory.Directory;
import org.coophub.notification.notification.ActivityNotices;
import org.coophub.notification.notification.ReportNotices;
import org.coophub.notification.reminder.ActivityLog;
import org.coophub.notification.reminder.Reminders;
import org.coophub.notification.review.ReviewScheduler;
import org.coophub.platform.messaging.EventRouter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The topics notification-service follows. Handlers only unwrap events; every step is
 * idempotent, so a redelivered event changes nothing. agreement-events is consumed on one
 * thread per partition (application.yml): an agreement's events stay in order, and the
 * replanning of one agreement never overlaps another one of it (Reminders, under the
 * agreement's lock).
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	Consumer<Message<byte[]>> agreementEvents(EventRouter router, Directory directory, ReviewScheduler reviews,
			Reminders reminders) {
		AgreementHandler agreement = (state, version, occurredAt) -> {
			directory.apply(state, version);
			// the schedule followed and the reminders planned from it under the
			// agreement's lock; also when this version was seen: a crash may have come
			// between the steps
			reminders.replanAfter(state.id(), () -> Optional.of(reviews.follow(state, version, occurredAt)));
		};
		return router.route("agreementEvents", (routes) -> routes.on(OrganizationRegistered.class, (event) -> {
			directory.apply(event.organization(), event.version());
			reminders.replanOrganization(event.organizationId());
		}).on(OrganizationUpdated.class, (event) -> {
			directory.apply(event.organization(), event.version());
			reminders.replanOrganization(event.organizationId());
		})
			.on(AgreementCreated.class,
					(event) -> agreement.apply(event.agreement(), event.version(), event.occurredAt()))
			.on(AgreementAmended.class,
					(event) -> agreement.apply(event.agreement(), event.version(), event.occurredAt()))
			.on(AgreementStatusChanged.class,
					(event) -> agreement.apply(event.agreement(), event.version(), event.occurredAt()))
			.on(CommitmentAdded.class,
					(event) -> agreement.apply(event.agreement(), event.version(), event.occurredAt()))
			.on(CommitmentUpdated.class,
					(event) -> agreement.apply(event.agreement(), event.version(), event.occurredAt()))
			.on(PartyAccepted.class, (event) -> {
				// first the moment, so that the replanning below plans nothing before it
				directory.accepted(event.agreementId(), event.organizationId(), event.occurredAt());
				agreement.apply(event.agreement(), event.version(), event.occurredAt());
			})
			.on(PartyDeclined.class,
					(event) -> agreement.apply(event.agreement(), event.version(), event.occurredAt())));
	}

	@Bean
	ActivityPolls activityPolls(ActivityNotices notices, ActivityLog log) {
		return new ActivityPolls(notices, log);
	}

	/**
	 * A poll's activities are applied together (docs/architecture.md, "Applying a poll
	 * together"): each record's handler runs as before, but the activities it logs and
	 * the notices it plans wait for the poll's end; the replanning of an agreement whose
	 * review an activity holds or moves runs at once, under the agreement's lock.
	 */
	@Bean
	Consumer<Message<List<byte[]>>> activityEvents(EventRouter router, ActivityNotices notices, ActivityPolls polls,
			ReviewScheduler reviews, Reminders reminders) {
		ActivityHandler followed = (activity, version) -> {
			polls.log(activity, version);
			reminders.replanAfter(activity.agreementId(), () -> reviews.activity(activity));
		};
		return router.routeBatch("activityEvents",
				(routes) -> routes.on(ActivityRecorded.class, polls.wholly((event) -> {
					followed.apply(event.activity(), event.version());
					notices.recorded(event, polls.notices());
				})).on(ActivityCompleted.class, polls.wholly((event) -> {
					followed.apply(event.activity(), event.version());
					notices.completed(event, polls.notices());
				}))
					.on(ActivityUpdated.class,
							polls.wholly((event) -> followed.apply(event.activity(), event.version())))
					.on(ActivityRescheduled.class, polls.wholly((event) -> {
						followed.apply(event.activity(), event.version());
						notices.rescheduled(event, polls.notices());
					}))
					.on(ActivityCancelled.class, polls.wholly((event) -> {
						followed.apply(event.activity(), event.version());
						notices.cancelled(event, polls.notices());
					})),
				polls);
	}

	@Bean
	Consumer<Message<byte[]>> reportEvents(EventRouter router, ReportNotices notices) {
		return router.route("reportEvents", (routes) -> routes.on(AnnualReportGenerated.class, notices::generated));
	}

	@FunctionalInterface
	interface AgreementHandler {

		void apply(AgreementState agreement, long version, Instant occurredAt);

	}

	@FunctionalInterface
	interface ActivityHandler {

		void apply(ActivityState activity, long version);

	}

}
