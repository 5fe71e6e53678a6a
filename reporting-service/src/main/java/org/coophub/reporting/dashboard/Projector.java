package org.coophub.reporting.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.OrganizationState;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Applies events to the dashboards of some generations. Idempotent: a version already
 * held changes nothing; a concurrent change by another instance fails the optimistic lock
 * and the binder retries the record.
 */
public final class Projector {

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	private final ProjectionCollections collections;

	private final List<Integer> generations;

	private final ApplicationEventPublisher events;

	Projector(MongoTemplate mongo, ProjectionCollections collections, List<Integer> generations,
			ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.collections = collections;
		this.generations = generations;
		this.events = events;
	}

	public void agreement(AgreementState agreement, long version) {
		update(agreement.id(), (dashboard) -> dashboard.apply(AgreementSummary.of(agreement, version)));
	}

	public void activity(ActivityState activity, long version, Instant occurredAt) {
		update(activity.agreementId(), (dashboard) -> dashboard.apply(ActivityEntry.of(activity, version, occurredAt)));
	}

	public void review(String agreementId, ReviewEntry review) {
		update(agreementId, (dashboard) -> dashboard.apply(review));
	}

	public void notification(String agreementId, String notificationId, NotificationOutcome outcome, String template,
			long version, Instant at) {
		if (agreementId == null) {
			return;
		}
		update(agreementId,
				(dashboard) -> dashboard.apply(notificationId, new NotificationEntry(version, template, outcome, at)));
	}

	public void organization(OrganizationState organization, long version) {
		OrganizationName name = new OrganizationName(organization.id(), organization.code(), organization.name(),
				version);
		boolean changed = false;
		for (int generation : this.generations) {
			changed |= upsertIfNewer(name, this.collections.organizations(generation));
		}
		if (changed) {
			publish(new DashboardChanged(null));
		}
	}

	private boolean upsertIfNewer(OrganizationName name, String collection) {
		Document bson = new Document();
		this.mongo.getConverter().write(name, bson);
		try {
			this.mongo.getCollection(collection)
				.replaceOne(Filters.and(Filters.eq("_id", name.id()), Filters.lt("version", name.version())), bson,
						new ReplaceOptions().upsert(true));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCode() == DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	private void update(String agreementId, Predicate<AgreementDashboard> change) {
		boolean changed = false;
		for (int generation : this.generations) {
			String collection = this.collections.dashboards(generation);
			AgreementDashboard dashboard = this.mongo.findById(agreementId, AgreementDashboard.class, collection);
			if (dashboard == null) {
				dashboard = new AgreementDashboard(agreementId);
			}
			if (change.test(dashboard)) {
				this.mongo.save(dashboard, collection);
				changed = true;
			}
		}
		if (changed) {
			publish(new DashboardChanged(agreementId));
		}
	}

	private void publish(DashboardChanged change) {
		if (this.events != null) {
			this.events.publishEvent(change);
		}
	}

}
