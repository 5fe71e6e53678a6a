package org.coophub.activity.messaging;

import java.util.function.Consumer;

import org.coophub.activity.agreement.KnownAgreements;
import org.coophub.activity.agreement.KnownOrganizations;
import org.coophub.events.agreement.AgreementAmended;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.CommitmentAdded;
import org.coophub.events.agreement.CommitmentUpdated;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationUpdated;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyDeclined;
import org.coophub.platform.messaging.EventRouter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class AgreementEventsConfiguration {

	@Bean
	Consumer<Message<byte[]>> agreementEvents(EventRouter router, KnownAgreements agreements,
			KnownOrganizations organizations) {
		return router.route("agreementEvents", (routes) -> routes
			.on(AgreementCreated.class, (event) -> agreements.apply(event.agreement(), event.version()))
			.on(AgreementStatusChanged.class, (event) -> agreements.apply(event.agreement(), event.version()))
			.on(AgreementAmended.class, (event) -> agreements.apply(event.agreement(), event.version()))
			.on(CommitmentAdded.class, (event) -> agreements.apply(event.agreement(), event.version()))
			.on(CommitmentUpdated.class, (event) -> agreements.apply(event.agreement(), event.version()))
			.on(PartyAccepted.class, (event) -> agreements.apply(event.agreement(), event.version()))
			.on(PartyDeclined.class, (event) -> agreements.apply(event.agreement(), event.version()))
			.on(OrganizationRegistered.class, (event) -> organizations.apply(event.organization(), event.version()))
			.on(OrganizationUpdated.class, (event) -> organizations.apply(event.organization(), event.version())));
	}

}
