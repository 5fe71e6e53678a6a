package org.coophub.reporting.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewHeld;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.platform.messaging.EventRouter;
import org.coophub.reporting.dashboard.DashboardProjection;
import org.coophub.reporting.report.ReviewFellDue;
import org.coophub.reporting.report.ReviewWasHeld;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	Consumer<Message<byte[]>> agreementEvents(EventRouter router, DashboardProjection dashboards) {
		return router.route("agreementEvents", (routes) -> ProjectionRoutes.agreementEvents(routes, dashboards::live));
	}

	@Bean
	DashboardPolls dashboardPolls(DashboardProjection dashboards) {
		return new DashboardPolls(dashboards);
	}

	/**
	 * A poll's activities are applied together (docs/architecture.md, "Applying a poll
	 * together").
	 */
	@Bean
	Consumer<Message<List<byte[]>>> activityEvents(EventRouter router, DashboardPolls polls) {
		return router.routeBatch("activityEvents", (routes) -> ProjectionRoutes.activityEvents(routes, polls::target),
				polls);
	}

	/**
	 * Review dates, hosts and notification outcomes; a review falling due, or held, also
	 * asks for its annual report (after the projection holds the review, so the report
	 * names the host and covers the right period: after the poll is written). The route
	 * keeps its name: records parked under it come back to it.
	 */
	@Bean
	Consumer<Message<List<byte[]>>> notificationEvents(EventRouter router, DashboardPolls polls,
			ApplicationEventPublisher publisher) {
		Consumer<Message<List<byte[]>>> project = router.routeBatch("notificationEvents",
				(routes) -> ProjectionRoutes.notificationEvents(routes, polls::target), polls);
		Consumer<Message<byte[]>> due = router.route("reviewsFallingDue",
				(routes) -> routes.on(ReviewScheduled.class, (e) -> {
					if (e.status() == ReviewCycleStatus.DUE) {
						publisher.publishEvent(new ReviewFellDue(e.agreementId(), e.year(), e.dueOn(), e.occurredAt()));
					}
				})
					.on(ReviewHeld.class, (e) -> publisher
						.publishEvent(new ReviewWasHeld(e.agreementId(), e.year(), e.heldOn(), e.occurredAt()))));
		return project.andThen(router.each(due));
	}

}
