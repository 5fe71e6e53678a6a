package org.coophub.notification.messaging;

import java.util.function.Consumer;

import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.notification.directory.Directory;
import org.coophub.notification.notification.ActivityNotices;
import org.coophub.notification.review.ReviewScheduler;
import org.coophub.platform.messaging.EventRouter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	Consumer<Message<byte[]>> agreementEvents(EventRouter router, Directory directory, ReviewScheduler reviews) {
		return router.route((routes) -> routes
			.on(OrganizationRegistered.class, (event) -> directory.apply(event.organization(), event.version()))
			.on(AgreementCreated.class, (event) -> {
				directory.apply(event.agreement(), event.version());
				reviews.follow(event.agreement(), event.version());
			})
			.on(AgreementStatusChanged.class, (event) -> {
				directory.apply(event.agreement(), event.version());
				reviews.follow(event.agreement(), event.version());
			}));
	}

	@Bean
	Consumer<Message<byte[]>> activityEvents(EventRouter router, ActivityNotices notices) {
		return router.route((routes) -> routes.on(ActivityRecorded.class, notices::recorded)
			.on(ActivityCompleted.class, notices::completed));
	}

}
