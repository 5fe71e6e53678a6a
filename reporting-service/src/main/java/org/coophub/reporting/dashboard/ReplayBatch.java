package org.coophub.reporting.dashboard;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.coophub.platform.projection.Versioned;
import org.coophub.platform.projection.VersionedUpserts;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

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

	ReplayBatch(MongoTemplate mongo, VersionedUpserts upserts, ProjectionCollections collections, int generation) {
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

	/** The later cycle, or of the same cycle the newer version, as {@link Projector}. */
	private static ReviewEntry later(ReviewEntry a, ReviewEntry b) {
		if (a.year() != b.year()) {
			return (a.year() > b.year()) ? a : b;
		}
		return (a.version() > b.version()) ? a : b;
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
	 * Writes what the events since the last flush left: the entries first, then the heads
	 * that list them, as {@link Projector} does.
	 */
	public void flush() {
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
		any |= list(heads, DashboardHead.ACTIVITY_IDS, this.activities.values(), StoredActivity::agreementId);
		any |= list(heads, DashboardHead.NOTIFICATION_IDS, this.notifications.values(),
				StoredNotification::agreementId);
		if (!any) {
			return;
		}
		try {
			heads.execute();
		}
		catch (BulkOperationException ex) {
			if (!VersionedUpserts.onlyNotNewer(ex.getErrors())) {
				throw ex;
			}
		}
	}

	private static <T extends Versioned> boolean list(BulkOperations heads, String idsField, Collection<T> entries,
			Function<T, String> agreementId) {
		Map<String, Set<String>> idsByAgreement = new LinkedHashMap<>();
		entries.forEach((entry) -> idsByAgreement.computeIfAbsent(agreementId.apply(entry), (k) -> new TreeSet<>())
			.add(entry.id()));
		// $addToSet is idempotent: ids already listed stay listed once
		idsByAgreement.forEach((agreement, ids) -> heads.upsert(Query.query(Criteria.where("_id").is(agreement)),
				new Update().addToSet(idsField).each(ids.toArray())));
		return !idsByAgreement.isEmpty();
	}

	/** A versioned part of a head, kept newest per agreement. */
	private record Part(String id, long version, Object value) implements Versioned {

	}

}
