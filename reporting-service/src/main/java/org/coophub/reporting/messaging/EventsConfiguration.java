package org.coophub.reporting.messaging;

import java.util.function.Consumer;

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
import org.coophub.platform.messaging.EventRouter;
import org.coophub.reporting.dashboard.DashboardProjection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	Consumer<Message<byte[]>> agreementEvents(EventRouter router, DashboardProjection dashboards) {
		return router.route((routes) -> routes
			.on(AgreementCreated.class, (event) -> dashboards.apply(event.agreement(), event.version()))
			.on(AgreementStatusChanged.class, (event) -> dashboards.apply(event.agreement(), event.version()))
			.on(AgreementAmended.class, (event) -> dashboards.apply(event.agreement(), event.version()))
			.on(CommitmentAdded.class, (event) -> dashboards.apply(event.agreement(), event.version()))
			.on(CommitmentUpdated.class, (event) -> dashboards.apply(event.agreement(), event.version())));
	}

	@Bean
	Consumer<Message<byte[]>> activityEvents(EventRouter router, DashboardProjection dashboards) {
		return router.route((routes) -> routes
			.on(ActivityRecorded.class, (event) -> dashboards.apply(event.activity(), event.version()))
			.on(ActivityUpdated.class, (event) -> dashboards.apply(event.activity(), event.version()))
			.on(ActivityRescheduled.class, (event) -> dashboards.apply(event.activity(), event.version()))
			.on(ActivityCompleted.class, (event) -> dashboards.apply(event.activity(), event.version()))
			.on(ActivityCancelled.class, (event) -> dashboards.apply(event.activity(), event.version())));
	}

}
