package org.coophub.reporting.dashboard;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
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
 * Applies events to the dashboards of some generations, one at a time. Idempotent and
 * safe with several writers (instances, a rebuild): every write is one atomic operation
 * on one document by its id that stores a version only if it is newer, so a redelivered
 * or older event changes nothing. An activity or notification event is written as a
 * {@link ReplayBatch} of one: the stored entry read, the change counted in the
 * agreement's {@link PortfolioSummary}, the entry stored (three operations however long
 * the agreement's history is); the entries are found by their indexed
 * {@code agreementId}, so no head lists them.
 */
public final class Projector extends ProjectionTarget {

	private final MongoTemplate mongo;

	private final VersionedUpserts upserts;

	private final ProjectionCollections collections;

	private final List<Integer> generations;

	private final ApplicationEventPublisher events;

	private final IntFunction<ReplayBatch> batches;

	Projector(MongoTemplate mongo, VersionedUpserts upserts, ProjectionCollections collections,
			List<Integer> generations, IntFunction<ReplayBatch> batches, ApplicationEventPublisher events,
			ProgramZone programZone) {
		super(programZone);
		this.mongo = mongo;
		this.upserts = upserts;
		this.collections = collections;
		this.generations = generations;
		this.events = events;
		this.batches = batches;
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
	 * Written as a {@link ReplayBatch} of one event writes it, so that an event counts
	 * alike alone or in a poll.
	 */
	@Override
	void activity(StoredActivity activity) {
		asBatch(activity.agreementId(), (batch) -> batch.activity(activity));
	}

	@Override
	void notification(StoredNotification notification) {
		asBatch(notification.agreementId(), (batch) -> batch.notification(notification));
	}

	private void asBatch(String agreementId, Consumer<ReplayBatch> event) {
		for (int generation : this.generations) {
			ReplayBatch batch = this.batches.apply(generation);
			event.accept(batch);
			batch.flush();
		}
		if (this.events != null) {
			this.events.publishEvent(new DashboardChanged(agreementId));
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
