package org.coophub.reporting.dashboard;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads what the report of one agreement for one period is computed from, and nothing
 * else: the agreement's versions, two review cycles by id, and the activities that start
 * within given days, each by an indexed key, so a report costs the same however many
 * agreements and years the store holds.
 */
@Component
public class PeriodQueries {

	private final MongoTemplate mongo;

	private final ProjectionCollections collections;

	/** Collections whose indexes were made sure of by this instance. */
	private final Set<String> indexed = ConcurrentHashMap.newKeySet();

	PeriodQueries(MongoTemplate mongo, ProjectionCollections collections) {
		this.mongo = mongo;
		this.collections = collections;
	}

	/**
	 * Every recorded version of an agreement, oldest first.
	 * @param agreementId the agreement
	 * @return its versions, empty if none arrived
	 */
	public List<AgreementVersion> agreementVersions(String agreementId) {
		String collection = this.collections.agreementVersions(this.collections.generations().active());
		ensureIndex(collection, new Index().on("agreementId", Sort.Direction.ASC).named("agreement"));
		return this.mongo
			.find(Query.query(Criteria.where("agreementId").is(agreementId)), AgreementVersion.class, collection)
			.stream()
			.sorted(Comparator.comparingLong(AgreementVersion::version))
			.toList();
	}

	/**
	 * An agreement's review cycle of one year.
	 * @param agreementId the agreement
	 * @param year the cycle's year
	 * @return the cycle, if notification-service announced it
	 */
	public Optional<ReviewCycleEntry> reviewCycle(String agreementId, int year) {
		return Optional.ofNullable(this.mongo.findById(ReviewCycleEntry.idOf(agreementId, year), ReviewCycleEntry.class,
				this.collections.reviewCycles(this.collections.generations().active())));
	}

	/**
	 * An agreement's activities that start on one of the given days, by start.
	 * @param agreementId the agreement
	 * @param from the first day
	 * @param to the last day (included)
	 * @return the activities, cancelled ones included
	 */
	public List<ActivityEntry> activities(String agreementId, LocalDate from, LocalDate to) {
		String collection = this.collections.activities(this.collections.generations().active());
		ensureIndex(collection,
				new Index().on("agreementId", Sort.Direction.ASC)
					.on("entry.startsAt", Sort.Direction.ASC)
					.named("agreement_start"));
		Query query = Query.query(Criteria.where("agreementId")
			.is(agreementId)
			.and("entry.startsAt")
			.gte(from.atStartOfDay())
			.lt(to.plusDays(1).atStartOfDay()));
		return this.mongo.find(query, StoredActivity.class, collection)
			.stream()
			.map(StoredActivity::entry)
			.sorted(Comparator.comparing(ActivityEntry::startsAt).thenComparing(ActivityEntry::id))
			.toList();
	}

	private void ensureIndex(String collection, Index index) {
		if (this.indexed.add(collection)) {
			this.mongo.indexOps(collection).createIndex(index);
		}
	}

}
