package org.coophub.reporting.dashboard;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.bson.types.Decimal128;
import org.coophub.events.activity.Outcomes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How one event changes an agreement's {@link PortfolioSummary}: what the new version of
 * an activity (or notification) adds minus what its previous version, as stored, had
 * added, as {@code $inc} of the summary's totals. The count is guarded by the version it
 * counts ({@code applied.<entry>}) only until the entry is stored at that version: a
 * redelivered or older event then finds the stored entry as new as itself and counts
 * nothing, so the next count of the agreement releases the guard
 * ({@link GuardsToRelease}) and the summary stays as small as the agreement's totals
 * however long its history. A count whose entry write was lost in a crash keeps its
 * guard, which refuses the redelivery's second count.
 */
final class PortfolioTally {

	static final String YEARS = "years";

	static final String COMMITMENTS = "commitments";

	static final String NOTIFICATIONS = "notifications";

	static final String APPLIED = "applied";

	private PortfolioTally() {
	}

	/**
	 * The summary of an agreement unless it has counted this entry at that version or a
	 * newer one; with an upsert, a counted entry makes it fail on the duplicate id and
	 * change nothing.
	 */
	static Query uncounted(String agreementId, String entryKey, long version) {
		return Query.query(Criteria.where("_id").is(agreementId).and(APPLIED + "." + entryKey).not().gte(version));
	}

	/**
	 * The summary of an agreement unless it has counted any of these entries at the
	 * version given or a newer one, or holds a guard to release of a version newer than
	 * the one stored (another writer's count whose entry is not stored yet).
	 * @param versions the version to count, by entry key
	 * @param released the version stored, by the key of an entry whose guard goes
	 */
	static Query uncounted(String agreementId, Map<String, Long> versions, Map<String, Long> released) {
		Criteria criteria = Criteria.where("_id").is(agreementId);
		versions.forEach((key, version) -> criteria.and(APPLIED + "." + key).not().gte(version));
		released.forEach((key, version) -> criteria.and(APPLIED + "." + key).not().gt(version));
		return Query.query(criteria);
	}

	/**
	 * The agreement at a newer version, with the code the portfolio is ordered by.
	 */
	static Update agreement(AgreementSummary agreement) {
		return Update.update(DashboardHead.AGREEMENT, agreement).set(PortfolioSummary.CODE, agreement.code());
	}

	static Update count(String entryKey, long version, Map<String, Number> increments) {
		return count(Map.of(entryKey, version), increments, Set.of());
	}

	/**
	 * Counts several entries at once, and releases the guards of entries stored since
	 * they were counted.
	 * @param versions the version counted, by entry key
	 * @param increments the sum of their increments
	 * @param released the keys of the entries whose guards go
	 */
	static Update count(Map<String, Long> versions, Map<String, Number> increments, Set<String> released) {
		Update update = new Update();
		versions.forEach((key, version) -> update.set(APPLIED + "." + key, version));
		released.forEach((key) -> update.unset(APPLIED + "." + key));
		increments.forEach(update::inc);
		return update;
	}

	/**
	 * The increments of several entries as one: {@code $inc} names each field once.
	 */
	static Map<String, Number> sum(Collection<Map<String, Number>> increments) {
		Map<String, BigDecimal> sums = new LinkedHashMap<>();
		increments
			.forEach(
					(each) -> each
						.forEach((path,
								value) -> sums.merge(path, (value instanceof Decimal128 decimal)
										? decimal.bigDecimalValue() : BigDecimal.valueOf(value.longValue()),
										BigDecimal::add)));
		return nonZero(sums);
	}

	/**
	 * A version-guarded upsert by id: when the guard refuses, the upsert collides with
	 * the stored document's id and changes nothing. A collision can also mean that
	 * another writer (another topic's consumer, an instance, a rebuild) created the
	 * document at the same moment: tried once more, the document exists, so a second
	 * collision is the guard's refusal.
	 * @param mongo the store
	 * @param guarded the document by id, unless it holds the version already
	 * @param update the change
	 * @param collection the collection
	 * @return whether it wrote
	 */
	static boolean upsertGuarded(MongoTemplate mongo, Query guarded, Update update, String collection) {
		for (int attempt = 1;; attempt++) {
			try {
				mongo.upsert(guarded, update, collection);
				return true;
			}
			catch (DuplicateKeyException ex) {
				if (attempt == 2) {
					return false;
				}
			}
		}
	}

	static String activityKey(String activityId) {
		return "a:" + key(activityId);
	}

	static String notificationKey(String notificationId) {
		return "n:" + key(notificationId);
	}

	/**
	 * What replacing one version of an activity with another changes in the totals.
	 * @param before the version counted so far, or null
	 * @param after the new version
	 * @return the non-zero increments by field path
	 */
	static Map<String, Number> increments(ActivityEntry before, ActivityEntry after) {
		Map<String, BigDecimal> sums = new LinkedHashMap<>();
		add(sums, before, -1);
		add(sums, after, 1);
		return nonZero(sums);
	}

	/**
	 * What replacing one outcome of a notification with another changes in the counts.
	 * @param before the outcome counted so far, or null
	 * @param after the new outcome
	 * @return the non-zero increments by field path
	 */
	static Map<String, Number> increments(NotificationOutcome before, NotificationOutcome after) {
		Map<String, BigDecimal> sums = new LinkedHashMap<>();
		add(sums, before, -1);
		add(sums, after, 1);
		return nonZero(sums);
	}

	private static void add(Map<String, BigDecimal> sums, NotificationOutcome outcome, int sign) {
		if (outcome == null) {
			return;
		}
		switch (outcome) {
			case SENT -> plus(sums, NOTIFICATIONS + ".sent", sign);
			case LATE -> {
				plus(sums, NOTIFICATIONS + ".sent", sign);
				plus(sums, NOTIFICATIONS + ".late", sign);
			}
			case FAILED -> plus(sums, NOTIFICATIONS + ".failed", sign);
		}
	}

	/**
	 * An activity counts in its year and type, and once more under every commitment it is
	 * linked to, so a commitment's progress is read from its own totals whatever its
	 * target counts (see {@link PortfolioEntry}).
	 */
	private static void add(Map<String, BigDecimal> sums, ActivityEntry activity, int sign) {
		if (activity == null || !activity.counts()) {
			return;
		}
		String bucket = activity.year() + "." + activity.type().name();
		add(sums, YEARS + "." + bucket, activity, sign);
		if (activity.commitmentIds() != null) {
			activity.commitmentIds()
				.stream()
				.distinct()
				.forEach((commitment) -> add(sums, COMMITMENTS + "." + key(commitment) + "." + bucket, activity, sign));
		}
	}

	private static void add(Map<String, BigDecimal> sums, String bucket, ActivityEntry activity, int sign) {
		plus(sums, bucket + ".planned", sign);
		if (!activity.completed()) {
			return;
		}
		plus(sums, bucket + ".held", sign);
		Outcomes o = activity.outcomes();
		if (o == null) {
			return;
		}
		plus(sums, bucket + ".investorsAttending", sign, o.investorsAttending());
		plus(sums, bucket + ".enterprisesAttending", sign, o.enterprisesAttending());
		plus(sums, bucket + ".investmentLeads", sign, o.investmentLeads());
		plus(sums, bucket + ".mousSigned", sign, o.mousSigned());
		plus(sums, bucket + ".projectsRegistered", sign, o.projectsRegistered());
		plus(sums, bucket + ".participants", sign, o.participants());
		plus(sums, bucket + ".documents", sign, (o.documents() != null) ? o.documents().size() : null);
		if (o.registeredCapital() != null && o.registeredCapital().amount() != null
				&& o.registeredCapital().currency() != null) {
			sums.merge(bucket + ".capital." + key(o.registeredCapital().currency()),
					o.registeredCapital().amount().multiply(BigDecimal.valueOf(sign)), BigDecimal::add);
		}
	}

	private static void plus(Map<String, BigDecimal> sums, String path, int sign) {
		sums.merge(path, BigDecimal.valueOf(sign), BigDecimal::add);
	}

	private static void plus(Map<String, BigDecimal> sums, String path, int sign, Integer value) {
		if (value != null && value != 0) {
			sums.merge(path, BigDecimal.valueOf((long) sign * value), BigDecimal::add);
		}
	}

	/** Counts as integers; capital as decimals, which {@code $inc} adds exactly. */
	private static Map<String, Number> nonZero(Map<String, BigDecimal> sums) {
		Map<String, Number> increments = new LinkedHashMap<>();
		sums.forEach((path, value) -> {
			if (value.signum() != 0) {
				increments.put(path,
						path.contains(".capital.") ? new Decimal128(value) : (Number) value.longValueExact());
			}
		});
		return increments;
	}

	/**
	 * A map key as MongoDB field name: dots stored as the converter stores them in map
	 * keys ({@link MongoMapKeys}), so the summary reads back the original key.
	 */
	static String key(String value) {
		return value.replace(".", MongoMapKeys.DOT_REPLACEMENT).replace("$", "\uFF04");
	}

}
