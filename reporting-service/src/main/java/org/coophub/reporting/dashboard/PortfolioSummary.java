package org.coophub.reporting.dashboard;

import java.util.Map;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;

/**
 * One agreement's portfolio line as stored: the agreement and its review at their
 * versions, and totals kept up by every activity and notification event with {@code $inc}
 * ({@link PortfolioTally}), so the portfolio reads one small document per agreement, by
 * its code, and never the agreement's entries. The guards of its latest counts
 * ({@code applied}) stay in the store and are left out when read.
 *
 * @param agreementId the agreement
 * @param code the agreement's code, which orders the portfolio
 * @param agreement the agreement at its version, or null before it arrived
 * @param review the review at the cycle's version, or null
 * @param years activity totals by year, then by activity type
 * @param commitments totals of the activities linked to a commitment, by commitment id,
 * year and type
 * @param notifications notifications by outcome: sent, late, failed
 */
record PortfolioSummary(@Id String agreementId, String code, AgreementSummary agreement, ReviewEntry review,
		Map<String, Map<String, ActivityTotals>> years,
		Map<String, Map<String, Map<String, ActivityTotals>>> commitments, Map<String, Long> notifications) {

	static final String CODE = "code";

	@Override
	public Map<String, Map<String, ActivityTotals>> years() {
		return (this.years != null) ? this.years : Map.of();
	}

	@Override
	public Map<String, Map<String, Map<String, ActivityTotals>>> commitments() {
		return (this.commitments != null) ? this.commitments : Map.of();
	}

	NotificationCounts notificationCounts() {
		Map<String, Long> counts = (this.notifications != null) ? this.notifications : Map.of();
		return new NotificationCounts(counts.getOrDefault("sent", 0L), counts.getOrDefault("late", 0L),
				counts.getOrDefault("failed", 0L));
	}

	/**
	 * Every year's totals, by type name.
	 * @return the totals with their type
	 */
	Stream<Map.Entry<String, ActivityTotals>> allYears() {
		return years().values().stream().flatMap((byType) -> byType.entrySet().stream());
	}

	/**
	 * One year's totals by type name.
	 * @param year the year
	 * @return the totals, empty if nothing happened that year
	 */
	Map<String, ActivityTotals> year(int year) {
		return years().getOrDefault(Integer.toString(year), Map.of());
	}

	/**
	 * One year's totals, by type name, of the activities linked to a commitment.
	 * @param commitmentId the commitment
	 * @param year the year
	 * @return the totals, empty if none
	 */
	Map<String, ActivityTotals> linked(String commitmentId, int year) {
		return commitments().getOrDefault(commitmentId, Map.of()).getOrDefault(Integer.toString(year), Map.of());
	}

}
