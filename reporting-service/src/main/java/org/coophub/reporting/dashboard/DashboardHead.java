package org.coophub.reporting.dashboard;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What is stored per agreement besides its summary: the agreement and its review at their
 * versions. Its activities and notification outcomes are documents of their own, found by
 * their indexed {@code agreementId} (heads written before 2026-12-04 also list their ids,
 * which nothing reads any more). An event changes the head only with one atomic update,
 * so its cost does not grow with the agreement's history.
 *
 * @param agreementId the agreement
 * @param agreement the agreement at its version, or null before it arrived
 * @param review the review at the cycle's version, or null
 */
record DashboardHead(@Id String agreementId, AgreementSummary agreement, ReviewEntry review) {

	static final String AGREEMENT = "agreement";

	static final String REVIEW = "review";

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

}
