package org.coophub.reporting.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * one bulk write per collection, and a query per collection for the entries stored so
 * far. The writes are the same version-guarded upserts, so whatever live events write
 * into the generation meanwhile is kept when it is newer.
 */
public final class ReplayBatch extends ProjectionTarget {

	private final MongoTemplate mongo;

	private final VersionedUpserts upserts;

	private final ProjectionCollections collections;

	private final int generation;

	private final GuardsToRelease guards;

	private final Map<String, Part> agreements = new LinkedHashMap<>();

	private final Map<String, ReviewEntry> reviews = new LinkedHashMap<>();

	private final Map<String, StoredActivity> activities = new LinkedHashMap<>();

	private final Map<String, StoredNotification> notifications = new LinkedHashMap<>();

	private final Map<String, OrganizationName> organizations = new LinkedHashMap<>();

	private final Map<String, AgreementVersion> agreementVersions = new LinkedHashMap<>();

	private final Map<String, ReviewCycleEntry> reviewCycles = new LinkedHashMap<>();

	ReplayBatch(MongoTemplate mongo, VersionedUpserts upserts, ProjectionCollections collections, int generation,
			GuardsToRelease guards, ProgramZone programZone) {
		super(programZone);
		this.mongo = mongo;
		this.upserts = upserts;
		this.collections = collections;
		this.generation = generation;
		this.guards = guards;
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
	 * then the entries and the heads; the summaries' guards of the entries stored are
	 * released by the next count of their agreements.
	 */
	public void flush() {
		List<Counted> entries = writePortfolio();
		this.upserts.upsertAllIfNewer(this.activities.values(), this.collections.activities(this.generation));
		this.upserts.upsertAllIfNewer(this.notifications.values(), this.collections.notifications(this.generation));
		this.upserts.upsertAllIfNewer(this.organizations.values(), this.collections.organizations(this.generation));
		this.upserts.upsertAllIfNewer(this.agreementVersions.values(),
				this.collections.agreementVersions(this.generation));
		this.upserts.upsertAllIfNewer(this.reviewCycles.values(), this.collections.reviewCycles(this.generation));
		writeHeads();
		byAgreement(entries).forEach((agreementId, its) -> this.guards.stored(agreementId, Counted.versions(its)));
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
	 * heads get them, and the totals counted against the entries stored so far (read with
	 * one query per collection), one guarded update per agreement for all its entries.
	 * Written before the entries, so that a crash in between leaves the guards to refuse
	 * the redelivery's second count (see {@link PortfolioTally}).
	 * @return the entries of the batch, each with the version it brings
	 */
	private List<Counted> writePortfolio() {
		List<Tally> tallies = new ArrayList<>();
		for (Part part : this.agreements.values()) {
			tallies.add(Tally.retried(DashboardHead.olderOrMissing(part.id(), DashboardHead.AGREEMENT, part.version()),
					PortfolioTally.agreement((AgreementSummary) part.value())));
		}
		for (Map.Entry<String, ReviewEntry> review : this.reviews.entrySet()) {
			tallies.add(Tally.retried(DashboardHead.earlierCycleOrMissing(review.getKey(), review.getValue().year(),
					review.getValue().version()), Update.update(DashboardHead.REVIEW, review.getValue())));
		}
		List<Counted> entries = entries();
		String collection = this.collections.portfolio(this.generation);
		Map<String, List<Counted>> counted = byAgreement(entries.stream().filter(Counted::counts).toList());
		counted.forEach((agreementId, its) -> {
			Map<String, Long> released = new LinkedHashMap<>(this.guards.take(agreementId));
			released.keySet().removeAll(Counted.versions(its).keySet());
			tallies.add(new Tally(PortfolioTally.uncounted(agreementId, Counted.versions(its), released),
					PortfolioTally.count(Counted.versions(its),
							PortfolioTally.sum(its.stream().map(Counted::increments).toList()), released.keySet()),
					() -> {
						its.forEach((entry) -> PortfolioTally.upsertGuarded(this.mongo,
								PortfolioTally.uncounted(agreementId, entry.key(), entry.version()),
								PortfolioTally.count(entry.key(), entry.version(), entry.increments()), collection));
						releaseEach(agreementId, released, collection);
					}));
		});
		if (tallies.isEmpty()) {
			return entries;
		}
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
					// an entry is counted already, or a guard to release is of a newer
					// version: each entry counted on its own, each guard released on its
					// own
					tally.onCollision().run();
				}
				else {
					// a collision may be another writer creating the summary meanwhile
					PortfolioTally.upsertGuarded(this.mongo, tally.guarded(), tally.update(), collection);
				}
			}
		}
		return entries;
	}

	/**
	 * Every activity and notification of the batch, with what it changes against its
	 * stored version.
	 */
	private List<Counted> entries() {
		List<Counted> entries = new ArrayList<>();
		Map<String, StoredActivity> activitiesBefore = stored(this.activities.keySet(), StoredActivity.class,
				this.collections.activities(this.generation), StoredActivity::id);
		for (StoredActivity activity : this.activities.values()) {
			StoredActivity before = activitiesBefore.get(activity.id());
			boolean newer = before == null || before.version() < activity.version();
			entries
				.add(new Counted(activity.agreementId(), PortfolioTally.activityKey(activity.id()), activity.version(),
						newer ? PortfolioTally.increments((before != null) ? before.entry() : null, activity.entry())
								: null));
		}
		Map<String, StoredNotification> notificationsBefore = stored(this.notifications.keySet(),
				StoredNotification.class, this.collections.notifications(this.generation), StoredNotification::id);
		for (StoredNotification notification : this.notifications.values()) {
			StoredNotification before = notificationsBefore.get(notification.id());
			boolean newer = before == null || before.version() < notification.version();
			entries.add(new Counted(notification.agreementId(), PortfolioTally.notificationKey(notification.id()),
					notification.version(),
					newer ? PortfolioTally.increments((before != null) ? before.entry().outcome() : null,
							notification.entry().outcome()) : null));
		}
		return entries;
	}

	/**
	 * Releases the guards one by one, each unless it guards a newer version than the one
	 * stored (another writer's count, whose entry is not stored yet).
	 */
	private void releaseEach(String agreementId, Map<String, Long> released, String collection) {
		if (released.isEmpty()) {
			return;
		}
		BulkOperations each = this.mongo.bulkOps(BulkMode.UNORDERED, collection);
		released.forEach(
				(key, version) -> each.updateOne(PortfolioTally.uncounted(agreementId, Map.of(), Map.of(key, version)),
						PortfolioTally.count(Map.of(), Map.of(), Set.of(key))));
		each.execute();
	}

	private static Map<String, List<Counted>> byAgreement(List<Counted> entries) {
		Map<String, List<Counted>> byAgreement = new LinkedHashMap<>();
		entries
			.forEach((entry) -> byAgreement.computeIfAbsent(entry.agreementId(), (id) -> new ArrayList<>()).add(entry));
		return byAgreement;
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

	/**
	 * An entry of the batch: the version it brings and, when that is newer than the one
	 * stored, what it changes in the summary's totals (else null).
	 */
	private record Counted(String agreementId, String key, long version, Map<String, Number> increments) {

		boolean counts() {
			return this.increments != null;
		}

		static Map<String, Long> versions(List<Counted> entries) {
			Map<String, Long> versions = new LinkedHashMap<>();
			entries.forEach((entry) -> versions.put(entry.key(), entry.version()));
			return versions;
		}

	}

	/** A versioned part of a head, kept newest per agreement. */
	private record Part(String id, long version, Object value) implements Versioned {

	}

}
