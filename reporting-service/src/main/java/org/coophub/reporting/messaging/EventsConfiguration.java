package org.coophub.reporting.messaging;

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
	Consumer<Message<byte[]>> activityEvents(EventRouter router, DashboardProjection dashboards) {
		return router.route("activityEvents", (routes) -> ProjectionRoutes.activityEvents(routes, dashboards::live));
	}

	/**
	 * Review dates, hosts and notification outcomes; a review falling due, or held, also
	 * asks for its annual report (after the projection holds the review, so the report
	 * names the host and covers the right period). The route keeps its name: records
	 * parked under it come back to it.
	 */
	@Bean
	Consumer<Message<byte[]>> notificationEvents(EventRouter router, DashboardProjection dashboards,
			ApplicationEventPublisher publisher) {
		Consumer<Message<byte[]>> project = router.route("notificationEvents",
				(routes) -> ProjectionRoutes.notificationEvents(routes, dashboards::live));
		Consumer<Message<byte[]>> due = router.route("reviewsFallingDue",
				(routes) -> routes.on(ReviewScheduled.class, (e) -> {
					if (e.status() == ReviewCycleStatus.DUE) {
						publisher.publishEvent(new ReviewFellDue(e.agreementId(), e.year(), e.dueOn(), e.occurredAt()));
					}
				})
					.on(ReviewHeld.class, (e) -> publisher
						.publishEvent(new ReviewWasHeld(e.agreementId(), e.year(), e.heldOn(), e.occurredAt()))));
		return project.andThen(due);
	}

}
