package org.coophub.reporting.dashboard;

import java.util.function.Predicate;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.agreement.AgreementState;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies agreement and activity events to the agreement dashboards. Idempotent: a
 * version already held changes nothing; a concurrent change by another instance fails the
 * optimistic lock and the binder retries the record.
 */
@Component
public class DashboardProjection {

	private final MongoTemplate mongo;

	private final ApplicationEventPublisher events;

	DashboardProjection(MongoTemplate mongo, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.events = events;
	}

	public void apply(AgreementState agreement, long version) {
		update(agreement.id(), (dashboard) -> dashboard.apply(AgreementSummary.of(agreement, version)));
	}

	public void apply(ActivityState activity, long version) {
		update(activity.agreementId(), (dashboard) -> dashboard.apply(ActivityEntry.of(activity, version)));
	}

	private void update(String agreementId, Predicate<AgreementDashboard> change) {
		AgreementDashboard dashboard = this.mongo.findById(agreementId, AgreementDashboard.class);
		if (dashboard == null) {
			dashboard = new AgreementDashboard(agreementId, null);
		}
		if (change.test(dashboard)) {
			this.mongo.save(dashboard);
			this.events.publishEvent(new DashboardChanged(agreementId));
		}
	}

}
