package org.coophub.reporting.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.function.IntPredicate;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.platform.projection.Versioned;
import org.coophub.platform.projection.VersionedUpserts;
import org.coophub.platform.projection.VersionedUpserts.Stored;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies events to the dashboards of some generations. Idempotent and safe with several
 * writers (instances, a rebuild): every write is one atomic operation on one document by
 * its id that stores a version only if it is newer, so a redelivered or older event
 * changes nothing. An event costs the same however long the agreement's history is.
 */
public final class Projector {

	private final MongoTemplate mongo;

	private final VersionedUpserts upserts;

	private final ProjectionCollections collections;

	private final List<Integer> generations;

	private final ApplicationEventPublisher events;

	Projector(MongoTemplate mongo, VersionedUpserts upserts, ProjectionCollections collections,
			List<Integer> generations, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.upserts = upserts;
		this.collections = collections;
		this.generations = generations;
		this.events = events;
	}

	public void agreement(AgreementState agreement, long version) {
		AgreementSummary summary = AgreementSummary.of(agreement, version);
		inEachGeneration(agreement.id(),
				(generation) -> setIfNewer(generation, agreement.id(), DashboardHead.AGREEMENT, summary, version));
	}

	public void review(String agreementId, ReviewEntry review) {
		inEachGeneration(agreementId,
				(generation) -> setIfNewer(generation, agreementId, DashboardHead.REVIEW, review, review.version()));
	}

	public void activity(ActivityState activity, long version, Instant occurredAt) {
		StoredActivity stored = StoredActivity.of(activity.agreementId(),
				ActivityEntry.of(activity, version, occurredAt));
		inEachGeneration(activity.agreementId(), (generation) -> listIfNewer(generation, activity.agreementId(),
				this.collections.activities(generation), DashboardHead.ACTIVITY_IDS, stored));
	}

	public void notification(String agreementId, String notificationId, NotificationOutcome outcome, String template,
			long version, Instant at) {
		if (agreementId == null) {
			return;
		}
		StoredNotification stored = StoredNotification.of(notificationId, agreementId,
				new NotificationEntry(version, template, outcome, at));
		inEachGeneration(agreementId, (generation) -> listIfNewer(generation, agreementId,
				this.collections.notifications(generation), DashboardHead.NOTIFICATION_IDS, stored));
	}

	public void organization(OrganizationState organization, long version) {
		OrganizationName name = new OrganizationName(organization.id(), organization.code(), organization.name(),
				version);
		inEachGeneration(null, (generation) -> this.upserts.upsertIfNewer(name,
				this.collections.organizations(generation)) != Stored.NOT_NEWER);
	}

	private void inEachGeneration(String agreementId, IntPredicate change) {
		boolean changed = false;
		for (int generation : this.generations) {
			changed |= change.test(generation);
		}
		if (changed && this.events != null) {
			this.events.publishEvent(new DashboardChanged(agreementId));
		}
	}

	/**
	 * Sets a versioned part of the head unless the head holds that version or a newer one
	 * (or creates the head). A missing part counts as older.
	 */
	private boolean setIfNewer(int generation, String agreementId, String field, Object value, long version) {
		Query olderOrMissing = Query
			.query(Criteria.where("_id").is(agreementId).and(field + ".version").not().gte(version));
		try {
			this.mongo.upsert(olderOrMissing, Update.update(field, value), DashboardHead.class,
					this.collections.dashboards(generation));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Stores an entry if it is newer and makes sure the head lists it; the head is
	 * written only when the entry is new to it, so redeliveries and later versions of an
	 * entry leave the head alone.
	 */
	private boolean listIfNewer(int generation, String agreementId, String collection, String idsField,
			Versioned entry) {
		Stored stored = this.upserts.upsertIfNewer(entry, collection);
		String heads = this.collections.dashboards(generation);
		Query listed = Query.query(Criteria.where("_id").is(agreementId).and(idsField).is(entry.id()));
		if (stored == Stored.INSERTED || !this.mongo.exists(listed, heads)) {
			// also after a crash between the two writes: the redelivery lists it
			this.mongo.upsert(Query.query(Criteria.where("_id").is(agreementId)),
					new Update().addToSet(idsField, entry.id()), heads);
		}
		return stored != Stored.NOT_NEWER;
	}

}
