package org.coophub.reporting.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.Target;
import org.coophub.events.agreement.TargetMeasure;
import org.coophub.events.agreement.YearTarget;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.common.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commitment's progress by what its target counts: activities of given types, or the
 * sum of an outcome, from linked activities and, where the target says so, every activity
 * of its types; legacy targets as before.
 */
class CommitmentProgressTest {

	private static final List<ActivityType> CONFERENCES = List.of(ActivityType.INVESTMENT_PROMOTION_CONFERENCE);

	@Test
	void aLegacyTargetCountsTheLinkedActivitiesAsBefore() {
		Commitment commitment = commitment(new Target("conferences", 2));
		CommitmentProgress progress = CommitmentProgress.of(commitment,
				List.of(conference("a", 2025, ActivityStatus.COMPLETED, List.of("c"), 50, null),
						conference("b", 2025, ActivityStatus.PLANNED, List.of("c"), null, null),
						conference("unlinked", 2025, ActivityStatus.COMPLETED, List.of(), 80, null)),
				2025);

		assertThat(progress.in(2025)).isEqualTo(new CommitmentProgress.Year(2025, 2, 2, 1));
		assertThat(progress.behindTarget()).isFalse();
	}

	@Test
	void activitiesOfTheTargetsTypesCountWithTheWholeAreaWhenTheTargetSaysSo() {
		Target target = new Target("conferences", 2, TargetMeasure.ACTIVITIES, CONFERENCES, null, null, null,
				List.of(new YearTarget(2025, new BigDecimal("3"))), true);
		CommitmentProgress progress = CommitmentProgress.of(commitment(target),
				List.of(conference("linked", 2025, ActivityStatus.COMPLETED, List.of("c"), null, null),
						conference("unlinked", 2025, ActivityStatus.COMPLETED, List.of(), null, null),
						conference("cancelled", 2025, ActivityStatus.CANCELLED, List.of(), null, null),
						training("linked-training", 2025, List.of("c"))),
				2025);

		CommitmentProgress.Year year = progress.in(2025);
		assertThat(year.held()).as("both conferences, not the cancelled one nor the training").isEqualTo(2);
		assertThat(year.achieved()).isEqualByComparingTo("2");
		assertThat(year.targetValue()).as("2025's own target").isEqualByComparingTo("3");
		assertThat(progress.behindTarget()).isTrue();
	}

	@Test
	void includingTheAreaNeedsActivityTypesElseOnlyLinkedActivitiesCount() {
		Target target = new Target("any", 1, TargetMeasure.ACTIVITIES, List.of(), null, null, null, null, true);
		CommitmentProgress progress = CommitmentProgress.of(commitment(target),
				List.of(conference("linked", 2025, ActivityStatus.COMPLETED, List.of("c"), null, null),
						conference("unlinked", 2025, ActivityStatus.COMPLETED, List.of(), null, null)),
				2025);

		assertThat(progress.in(2025).held()).isEqualTo(1);
	}

	@Test
	void anOutcomeSumAddsTheOutcomeOfTheCompletedActivities() {
		Target investors = new Target("investors", 0, TargetMeasure.OUTCOME_SUM, CONFERENCES, "investorsAttending",
				null, new BigDecimal("100"), null, true);
		List<ActivityEntry> activities = List.of(conference("a", 2025, ActivityStatus.COMPLETED, List.of(), 60, null),
				conference("b", 2025, ActivityStatus.COMPLETED, List.of("c"), 30, null),
				conference("planned", 2025, ActivityStatus.PLANNED, List.of(), 500, null),
				conference("other-year", 2024, ActivityStatus.COMPLETED, List.of(), 70, null));

		CommitmentProgress progress = CommitmentProgress.of(commitment(investors), activities, 2025);

		assertThat(progress.in(2025).achieved()).isEqualByComparingTo("90");
		assertThat(progress.in(2025).targetValue()).isEqualByComparingTo("100");
		assertThat(progress.in(2024).achieved()).isEqualByComparingTo("70");
		assertThat(progress.behindTarget()).as("below target, but a conference is still planned").isFalse();
		assertThat(CommitmentProgress.of(commitment(investors), activities.subList(0, 2), 2025).behindTarget())
			.as("below target and nothing planned")
			.isTrue();
	}

	@Test
	void registeredCapitalCountsOnlyInTheTargetsCurrency() {
		Target capital = new Target("capital", 0, TargetMeasure.OUTCOME_SUM, CONFERENCES, "registeredCapital", "VND",
				new BigDecimal("100000000000"), null, true);
		CommitmentProgress progress = CommitmentProgress.of(commitment(capital),
				List.of(conference("vnd", 2025, ActivityStatus.COMPLETED, List.of(), null,
						new Money(new BigDecimal("120000000000"), "VND")),
						conference("usd", 2025, ActivityStatus.COMPLETED, List.of(), null,
								new Money(new BigDecimal("5000000"), "USD"))),
				2025);

		assertThat(progress.in(2025).achieved()).isEqualByComparingTo("120000000000");
		assertThat(progress.behindTarget()).isFalse();
		assertThat(progress.currency()).isEqualTo("VND");
	}

	private static Commitment commitment(Target target) {
		return new Commitment("c", new LocalizedText("Cam kết", "Commitment"), Area.INVESTMENT_PROMOTION, "hcm", target,
				null, CommitmentStatus.IN_PROGRESS);
	}

	private static ActivityEntry conference(String id, int year, ActivityStatus status, List<String> commitments,
			Integer investors, Money capital) {
		return entry(id, ActivityType.INVESTMENT_PROMOTION_CONFERENCE, year, status, commitments,
				new Outcomes(investors, null, null, null, null, capital));
	}

	private static ActivityEntry training(String id, int year, List<String> commitments) {
		return entry(id, ActivityType.TRAINING, year, ActivityStatus.COMPLETED, commitments, null);
	}

	private static ActivityEntry entry(String id, ActivityType type, int year, ActivityStatus status,
			List<String> commitments, Outcomes outcomes) {
		ActivityState state = new ActivityState(id, "agr-1", type, new LocalizedText("Hoạt động", "Activity"),
				LocalDateTime.of(year, 5, 20, 8, 0), LocalDateTime.of(year, 5, 20, 17, 0), "Asia/Ho_Chi_Minh", null,
				"hcm", List.of("ld"), commitments, status, outcomes);
		return ActivityEntry.of(state, 1, Instant.parse(year + "-05-20T10:00:00Z"));
	}

}
