package org.coophub.reporting.dashboard;

import java.util.List;
import java.util.function.IntPredicate;

import org.coophub.platform.projection.VersionedUpserts;
import org.coophub.platform.projection.VersionedUpserts.Stored;
import org.coophub.platform.zone.ProgramZone;

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
 * changes nothing. An event costs the same however long the agreement's history is: an
 * activity or notification event counts the change in the agreement's
 * {@link PortfolioSummary} and stores the entry (two operations), and reads the stored
 * entry first only when an earlier version may be counted (three); the entries are found
 * by their indexed {@code agreementId}, so no head lists them.
 */
public final class Projector extends ProjectionTarget {

	/** The version of an activity as recorded. */
	static final long FIRST_VERSION = 1;

	private final MongoTemplate mongo;

	private final VersionedUpserts upserts;

	private final ProjectionCollections collections;

	private final List<Integer> generations;

	private final ApplicationEventPublisher events;

	Projector(MongoTemplate mongo, VersionedUpserts upserts, ProjectionCollections collections,
			List<Integer> generations, ApplicationEventPublisher events, ProgramZone programZone) {
		super(programZone);
		this.mongo = mongo;
		this.upserts = upserts;
		this.collections = collections;
		this.generations = generations;
		this.events = events;
	}

	@Override
	void agreement(String agreementId, AgreementSummary agreement) {
		inEachGeneration(agreementId, (generation) -> {
			upsertUnlessDuplicate(
					DashboardHead.olderOrMissing(agreementId, DashboardHead.AGREEMENT, agreement.version()),
					PortfolioTally.agreement(agreement), this.collections.portfolio(generation));
			return setIfNewer(generation, agreementId, DashboardHead.AGREEMENT, agreement, agreement.version());
		});
	}

	/**
	 * The dashboard shows the latest cycle: a past cycle recorded late (a review of 2011
	 * entered today) is kept per cycle but does not replace a later one in the head.
	 */
	@Override
	public void review(String agreementId, ReviewEntry review) {
		inEachGeneration(agreementId, (generation) -> {
			Query earlier = DashboardHead.earlierCycleOrMissing(agreementId, review.year(), review.version());
			Update update = Update.update(DashboardHead.REVIEW, review);
			upsertUnlessDuplicate(earlier, update, this.collections.portfolio(generation));
			return upsertUnlessDuplicate(earlier, update, this.collections.dashboards(generation));
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

	/**
	 * The portfolio's totals are counted before the entry is stored, from the version
	 * stored so far: after a crash in between, the redelivery finds the same stored
	 * version and the summary's guard refuses to count it again. An activity's first
	 * version (its recording, the event of nearly every activity) has no earlier version
	 * to read: what is stored is nothing or the same or a newer version, which the
	 * summary has counted already, so it is counted without reading the entry.
	 */
	@Override
	void activity(StoredActivity activity) {
		inEachGeneration(activity.agreementId(), (generation) -> {
			String collection = this.collections.activities(generation);
			StoredActivity before = (activity.version() <= FIRST_VERSION) ? null
					: this.mongo.findById(activity.id(), StoredActivity.class, collection);
			if (before == null || before.version() < activity.version()) {
				upsertUnlessDuplicate(
						PortfolioTally.uncounted(activity.agreementId(), PortfolioTally.activityKey(activity.id()),
								activity.version()),
						PortfolioTally.count(PortfolioTally.activityKey(activity.id()), activity.version(),
								PortfolioTally.increments((before != null) ? before.entry() : null, activity.entry())),
						this.collections.portfolio(generation));
			}
			return this.upserts.upsertIfNewer(activity, collection) != Stored.NOT_NEWER;
		});
	}

	/**
	 * As {@link #activity(StoredActivity)}. A notification's first outcome (nearly every
	 * notification has one: sent) is counted without reading its stored entry, guarded by
	 * the summary having counted no version of it; only when it has does the entry tell
	 * what to take back.
	 */
	@Override
	void notification(StoredNotification notification) {
		inEachGeneration(notification.agreementId(), (generation) -> {
			String collection = this.collections.notifications(generation);
			String key = PortfolioTally.notificationKey(notification.id());
			if (countedAsFirst(notification, key, this.collections.portfolio(generation))) {
				return this.upserts.upsertIfNewer(notification, collection) != Stored.NOT_NEWER;
			}
			StoredNotification before = this.mongo.findById(notification.id(), StoredNotification.class, collection);
			if (before == null || before.version() < notification.version()) {
				upsertUnlessDuplicate(PortfolioTally.uncounted(notification.agreementId(), key, notification.version()),
						PortfolioTally.count(key, notification.version(), PortfolioTally.increments(
								(before != null) ? before.entry().outcome() : null, notification.entry().outcome())),
						this.collections.portfolio(generation));
			}
			return this.upserts.upsertIfNewer(notification, collection) != Stored.NOT_NEWER;
		});
	}

	/**
	 * Counts the outcome in the summary unless the summary counted any version of this
	 * notification: one write instead of a read and a write. A refusal (or a summary
	 * created by another writer at the same moment) collides with the summary's id.
	 * @return whether it counted
	 */
	private boolean countedAsFirst(StoredNotification notification, String key, String portfolio) {
		try {
			this.mongo.upsert(
					PortfolioTally.neverCounted(notification.agreementId(), key), PortfolioTally.count(key,
							notification.version(), PortfolioTally.increments(null, notification.entry().outcome())),
					portfolio);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
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

	private boolean upsertUnlessDuplicate(Query guarded, Update update, String collection) {
		return PortfolioTally.upsertGuarded(this.mongo, guarded, update, collection);
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

}
