package org.coophub.reporting.dashboard;

import java.util.List;
import java.util.function.IntPredicate;

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
public final class Projector extends ProjectionTarget {

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

	@Override
	void agreement(String agreementId, AgreementSummary agreement) {
		inEachGeneration(agreementId, (generation) -> setIfNewer(generation, agreementId, DashboardHead.AGREEMENT,
				agreement, agreement.version()));
	}

	/**
	 * The dashboard shows the latest cycle: a past cycle recorded late (a review of 2011
	 * entered today) is kept per cycle but does not replace a later one in the head.
	 */
	@Override
	public void review(String agreementId, ReviewEntry review) {
		inEachGeneration(agreementId, (generation) -> {
			try {
				this.mongo.upsert(DashboardHead.earlierCycleOrMissing(agreementId, review.year(), review.version()),
						Update.update(DashboardHead.REVIEW, review), DashboardHead.class,
						this.collections.dashboards(generation));
				return true;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		});
	}

	@Override
	void agreementVersion(AgreementVersion version) {
		// not a change of the dashboard: the head's write that follows tells the pages
		for (int generation : this.generations) {
			this.upserts.upsertIfNewer(version, this.collections.agreementVersions(generation));
		}
	}

	@Override
	void reviewCycle(ReviewCycleEntry cycle) {
		for (int generation : this.generations) {
			this.upserts.upsertIfNewer(cycle, this.collections.reviewCycles(generation));
		}
	}

	@Override
	void activity(StoredActivity activity) {
		inEachGeneration(activity.agreementId(), (generation) -> listIfNewer(generation, activity.agreementId(),
				this.collections.activities(generation), DashboardHead.ACTIVITY_IDS, activity));
	}

	@Override
	void notification(StoredNotification notification) {
		inEachGeneration(notification.agreementId(), (generation) -> listIfNewer(generation, notification.agreementId(),
				this.collections.notifications(generation), DashboardHead.NOTIFICATION_IDS, notification));
	}

	@Override
	void organization(OrganizationName name) {
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
		try {
			this.mongo.upsert(DashboardHead.olderOrMissing(agreementId, field, version), Update.update(field, value),
					DashboardHead.class, this.collections.dashboards(generation));
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
