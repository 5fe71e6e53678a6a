package org.coophub.reporting.dashboard;

import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What is stored per agreement: the agreement and its review at their versions, and the
 * ids of its activities and notification outcomes, which are documents of their own. An
 * event changes the head only with one atomic update, and only when something new
 * arrives, so its cost does not grow with the agreement's history; a page reads the head
 * by id and its entries by id.
 *
 * @param agreementId the agreement
 * @param agreement the agreement at its version, or null before it arrived
 * @param review the review at the cycle's version, or null
 * @param activityIds the agreement's activities
 * @param notificationIds the agreement's notification outcomes
 */
record DashboardHead(@Id String agreementId, AgreementSummary agreement, ReviewEntry review, Set<String> activityIds,
		Set<String> notificationIds) {

	static final String AGREEMENT = "agreement";

	static final String REVIEW = "review";

	static final String ACTIVITY_IDS = "activityIds";

	static final String NOTIFICATION_IDS = "notificationIds";

	/**
	 * The head of an agreement unless its part holds that version or a newer one; a
	 * missing part counts as older, so an upsert with it sets the part or, when the part
	 * is newer, fails on the duplicate id and changes nothing.
	 */
	static Query olderOrMissing(String agreementId, String part, long version) {
		return Query.query(Criteria.where("_id").is(agreementId).and(part + ".version").not().gte(version));
	}

	/**
	 * The head of an agreement unless its review is of a later cycle, or of the same
	 * cycle at that version or a newer one; a missing review counts as earlier.
	 */
	static Query earlierCycleOrMissing(String agreementId, int year, long version) {
		return Query.query(Criteria.where("_id")
			.is(agreementId)
			.norOperator(Criteria.where(REVIEW + ".year").gt(year),
					Criteria.where(REVIEW + ".year").is(year).and(REVIEW + ".version").gte(version)));
	}

	@Override
	public Set<String> activityIds() {
		return (this.activityIds != null) ? this.activityIds : Set.of();
	}

	@Override
	public Set<String> notificationIds() {
		return (this.notificationIds != null) ? this.notificationIds : Set.of();
	}

}
