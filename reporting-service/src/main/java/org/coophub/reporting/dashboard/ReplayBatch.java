package org.coophub.reporting.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.coophub.platform.projection.Versioned;
import org.coophub.platform.projection.VersionedUpserts;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.util.Pair;

/**
 * A rebuild's replay into its generation, a poll's worth of events at a time: keeps what
 * the events leave (the newest version of every part) and {@link #flush() writes} it with
 * one bulk write per collection, where {@link Projector} needs two or three round trips
 * per event. The writes are the same version-guarded upserts, so whatever live events
 * write into the generation meanwhile is kept when it is newer.
 */
public final class ReplayBatch extends ProjectionTarget {

	private final MongoTemplate mongo;

	private final VersionedUpserts upserts;

	private final ProjectionCollections collections;

	private final int generation;

	private final Map<String, Part> agreements = new LinkedHashMap<>();

	private final Map<String, ReviewEntry> reviews = new LinkedHashMap<>();

	private final Map<String, StoredActivity> activities = new LinkedHashMap<>();

	private final Map<String, StoredNotification> notifications = new LinkedHashMap<>();

	private final Map<String, OrganizationName> organizations = new LinkedHashMap<>();

	private final Map<String, AgreementVersion> agreementVersions = new LinkedHashMap<>();

	private final Map<String, ReviewCycleEntry> reviewCycles = new LinkedHashMap<>();

	ReplayBatch(MongoTemplate mongo, VersionedUpserts upserts, ProjectionCollections collections, int generation,
			ProgramZone programZone) {
		super(programZone);
		this.mongo = mongo;
		this.upserts = upserts;
		this.collections = collections;
		this.generation = generation;
	}

	@Override
	void agreement(String agreementId, AgreementSummary agreement) {
		this.agreements.merge(agreementId, new Part(agreementId, agreement.version(), agreement),
				VersionedUpserts::newer);
	}

	@Override
	public void review(String agreementId, ReviewEntry review) {
		this.reviews.merge(agreementId, review, ReplayBatch::later);
	}

	/**
	 * The later cycle, or of the same cycle the newer version (the first of equal ones),
	 * as {@link Projector}.
	 */
	private static ReviewEntry later(ReviewEntry a, ReviewEntry b) {
		if (a.year() != b.year()) {
			return (a.year() > b.year()) ? a : b;
		}
		return (b.version() > a.version()) ? b : a;
	}

	@Override
	void agreementVersion(AgreementVersion version) {
		this.agreementVersions.putIfAbsent(version.id(), version);
	}

	@Override
	void reviewCycle(ReviewCycleEntry cycle) {
		this.reviewCycles.merge(cycle.id(), cycle, VersionedUpserts::newer);
	}

	@Override
	void activity(StoredActivity activity) {
		this.activities.merge(activity.id(), activity, VersionedUpserts::newer);
	}

	@Override
	void notification(StoredNotification notification) {
		this.notifications.merge(notification.id(), notification, VersionedUpserts::newer);
	}

	@Override
	void organization(OrganizationName organization) {
		this.organizations.merge(organization.id(), organization, VersionedUpserts::newer);
	}

	/**
	 * Writes what the events since the last flush left: the portfolio's summaries first,
	 * then the entries and the heads, as {@link Projector} does.
	 */
	public void flush() {
		writePortfolio();
		this.upserts.upsertAllIfNewer(this.activities.values(), this.collections.activities(this.generation));
		this.upserts.upsertAllIfNewer(this.notifications.values(), this.collections.notifications(this.generation));
		this.upserts.upsertAllIfNewer(this.organizations.values(), this.collections.organizations(this.generation));
		this.upserts.upsertAllIfNewer(this.agreementVersions.values(),
				this.collections.agreementVersions(this.generation));
		this.upserts.upsertAllIfNewer(this.reviewCycles.values(), this.collections.reviewCycles(this.generation));
		writeHeads();
		this.agreements.clear();
		this.reviews.clear();
		this.activities.clear();
		this.notifications.clear();
		this.organizations.clear();
		this.agreementVersions.clear();
		this.reviewCycles.clear();
	}

	/**
	 * The portfolio's summaries, in one bulk write: the agreements and reviews as the
	 * heads get them, and the totals counted against the entries stored so far, each
	 * guarded as {@link Projector} guards it, and read as it reads them: an activity's
	 * stored entry only when the batch holds a later version than its first (one query
	 * for all), a notification's only when the summary has counted it already (its first
	 * outcome is counted unread, and a collision then reads it). Written before the
	 * entries, for the same reason.
	 */
	private void writePortfolio() {
		List<Tally> tallies = new ArrayList<>();
		for (Part part : this.agreements.values()) {
			tallies.add(Tally.retried(DashboardHead.olderOrMissing(part.id(), DashboardHead.AGREEMENT, part.version()),
					PortfolioTally.agreement((AgreementSummary) part.value())));
		}
		for (Map.Entry<String, ReviewEntry> review : this.reviews.entrySet()) {
			tallies.add(Tally.retried(DashboardHead.earlierCycleOrMissing(review.getKey(), review.getValue().year(),
					review.getValue().version()), Update.update(DashboardHead.REVIEW, review.getValue())));
		}
		Map<String, StoredActivity> activitiesBefore = stored(laterThanFirst(this.activities), StoredActivity.class,
				this.collections.activities(this.generation), StoredActivity::id);
		for (StoredActivity activity : this.activities.values()) {
			StoredActivity before = activitiesBefore.get(activity.id());
			if (before == null || before.version() < activity.version()) {
				String key = PortfolioTally.activityKey(activity.id());
				tallies.add(Tally.retried(PortfolioTally.uncounted(activity.agreementId(), key, activity.version()),
						PortfolioTally.count(key, activity.version(), PortfolioTally
							.increments((before != null) ? before.entry() : null, activity.entry()))));
			}
		}
		for (StoredNotification notification : this.notifications.values()) {
			String key = PortfolioTally.notificationKey(notification.id());
			tallies.add(new Tally(PortfolioTally.neverCounted(notification.agreementId(), key),
					PortfolioTally.count(key, notification.version(),
							PortfolioTally.increments(null, notification.entry().outcome())),
					() -> countAgainstStored(notification, key)));
		}
		if (tallies.isEmpty()) {
			return;
		}
		String collection = this.collections.portfolio(this.generation);
		try {
			this.mongo.bulkOps(BulkMode.UNORDERED, collection)
				.upsert(tallies.stream().map((t) -> Pair.of(t.guarded(), t.update())).toList())
				.execute();
		}
		catch (BulkOperationException ex) {
			if (!VersionedUpserts.onlyNotNewer(ex.getErrors())) {
				throw ex;
			}
			for (var error : ex.getErrors()) {
				Tally tally = tallies.get(error.getIndex());
				if (tally.onCollision() != null) {
					tally.onCollision().run();
				}
				else {
					// a collision may be another writer creating the summary meanwhile
					PortfolioTally.upsertGuarded(this.mongo, tally.guarded(), tally.update(), collection);
				}
			}
		}
	}

	/**
	 * A notification the summary has counted in some version: what to take back is read
	 * from its stored entry, as {@link Projector} reads it.
	 */
	private void countAgainstStored(StoredNotification notification, String key) {
		StoredNotification before = this.mongo.findById(notification.id(), StoredNotification.class,
				this.collections.notifications(this.generation));
		if (before == null || before.version() < notification.version()) {
			PortfolioTally.upsertGuarded(this.mongo,
					PortfolioTally.uncounted(notification.agreementId(), key, notification.version()),
					PortfolioTally.count(key, notification.version(), PortfolioTally.increments(
							(before != null) ? before.entry().outcome() : null, notification.entry().outcome())),
					this.collections.portfolio(this.generation));
		}
	}

	/**
	 * An activity's first version (its recording) has no earlier one counted, so its
	 * stored entry need not be read (see {@link Projector}).
	 */
	private static Set<String> laterThanFirst(Map<String, StoredActivity> activities) {
		Set<String> ids = new LinkedHashSet<>();
		activities.values()
			.stream()
			.filter((activity) -> activity.version() > Projector.FIRST_VERSION)
			.forEach((activity) -> ids.add(activity.id()));
		return ids;
	}

	private <T> Map<String, T> stored(Set<String> ids, Class<T> type, String collection, Function<T, String> id) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, T> byId = new LinkedHashMap<>();
		this.mongo.find(Query.query(Criteria.where("_id").in(ids)), type, collection)
			.forEach((entry) -> byId.put(id.apply(entry), entry));
		return byId;
	}

	private static void execute(BulkOperations writes, boolean any) {
		if (!any) {
			return;
		}
		try {
			writes.execute();
		}
		catch (BulkOperationException ex) {
			if (!VersionedUpserts.onlyNotNewer(ex.getErrors())) {
				throw ex;
			}
		}
	}

	private void writeHeads() {
		BulkOperations heads = this.mongo.bulkOps(BulkMode.UNORDERED, DashboardHead.class,
				this.collections.dashboards(this.generation));
		boolean any = false;
		for (Part part : this.agreements.values()) {
			heads.upsert(DashboardHead.olderOrMissing(part.id(), DashboardHead.AGREEMENT, part.version()),
					Update.update(DashboardHead.AGREEMENT, part.value()));
			any = true;
		}
		for (Map.Entry<String, ReviewEntry> review : this.reviews.entrySet()) {
			heads.upsert(DashboardHead.earlierCycleOrMissing(review.getKey(), review.getValue().year(),
					review.getValue().version()), Update.update(DashboardHead.REVIEW, review.getValue()));
			any = true;
		}
		execute(heads, any);
	}

	/**
	 * One guarded upsert of a summary, and what to do when it collides: by default (null)
	 * it is tried once more.
	 */
	private record Tally(Query guarded, Update update, Runnable onCollision) {

		static Tally retried(Query guarded, Update update) {
			return new Tally(guarded, update, null);
		}

	}

	/** A versioned part of a head, kept newest per agreement. */
	private record Part(String id, long version, Object value) implements Versioned {

	}

}
