package org.coophub.notification.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewHeld;
import org.coophub.events.notification.ReviewScheduled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewScheduleTest {

	static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	@Test
	void withTwoPartiesTheHostAlternatesOverFiveYears() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6);

		assertThat(holdFiveYears(schedule)).containsExactly("ld", "hcm", "ld", "hcm", "ld");
		assertThat(schedule.cycles()).extracting(ReviewCycle::dueOn)
			.containsExactly(LocalDate.of(2026, 11, 6), LocalDate.of(2027, 11, 6), LocalDate.of(2028, 11, 6),
					LocalDate.of(2029, 11, 6), LocalDate.of(2030, 11, 6), LocalDate.of(2031, 11, 6));
		assertThat(schedule.upcoming()).get().extracting(ReviewCycle::hostOrganizationId).isEqualTo("hcm");
	}

	@Test
	void withThreePartiesTheHostCyclesOverFiveYears() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm", "dn"), "dn", 2, 29);

		assertThat(holdFiveYears(schedule)).containsExactly("ld", "hcm", "dn", "ld", "hcm");
		// a review on 29 February falls on the 28th in common years
		assertThat(schedule.cycles()).extracting(ReviewCycle::dueOn)
			.containsExactly(LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 29), LocalDate.of(2029, 2, 28),
					LocalDate.of(2030, 2, 28), LocalDate.of(2031, 2, 28), LocalDate.of(2032, 2, 29));
	}

	@Test
	void theSameReviewActivityCompletedTwiceHoldsTheCycleOnce() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6);

		List<DomainEvent> first = schedule.held("act-review", LocalDate.of(2026, 11, 6), TODAY, NOW);
		List<DomainEvent> second = schedule.held("act-review", LocalDate.of(2026, 11, 6), TODAY, NOW);

		assertThat(first).hasSize(2).first().isInstanceOf(ReviewHeld.class);
		assertThat(((ReviewHeld) first.get(0)).nextHostOrganizationId()).isEqualTo("hcm");
		assertThat(first.get(1)).isInstanceOf(ReviewScheduled.class);
		assertThat(second).isEmpty();
		assertThat(schedule.cycles()).extracting(ReviewCycle::status)
			.containsExactly(ReviewCycleStatus.HELD, ReviewCycleStatus.UPCOMING);
	}

	@Test
	void aRescheduledReviewMovesWithAHigherSequence() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6);

		assertThat(schedule.rescheduled("act-review", LocalDate.of(2026, 11, 20), NOW)).isPresent();
		assertThat(schedule.rescheduled("act-review", LocalDate.of(2026, 11, 20), NOW)).isEmpty();

		ReviewCycle cycle = schedule.upcoming().orElseThrow();
		assertThat(cycle.dueOn()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(cycle.sequence()).isEqualTo(1);
		assertThat(cycle.year()).isEqualTo(2026);
	}

	@Test
	void anAmendedPolicyMovesTheUpcomingReview() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6);

		schedule.follow(agreement(AgreementStatus.ACTIVE, List.of("ld", "hcm"), "hcm", 12, 15), 3);
		List<DomainEvent> events = schedule.reconcile(TODAY, NOW);

		assertThat(events).singleElement().isInstanceOf(ReviewScheduled.class);
		assertThat(schedule.upcoming().orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 12, 15));
		assertThat(schedule.upcoming().orElseThrow().sequence()).isEqualTo(1);
	}

	@Test
	void aSuspendedAgreementCancelsItsReviewAndResumingPlansItAgain() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6);

		schedule.follow(agreement(AgreementStatus.SUSPENDED, List.of("ld", "hcm"), "hcm", 11, 6), 3);
		schedule.reconcile(TODAY, NOW);
		assertThat(schedule.upcoming()).isEmpty();

		schedule.follow(agreement(AgreementStatus.ACTIVE, List.of("ld", "hcm"), "hcm", 11, 6), 4);
		schedule.reconcile(TODAY, NOW);
		assertThat(schedule.cycles()).extracting(ReviewCycle::status)
			.containsExactly(ReviewCycleStatus.CANCELLED, ReviewCycleStatus.UPCOMING);
		// the same cycle for calendars: same year, next sequence
		assertThat(schedule.upcoming().orElseThrow().sequence()).isEqualTo(1);
		assertThat(schedule.upcoming().orElseThrow().hostOrganizationId()).isEqualTo("ld");
	}

	@Test
	void statusIsUpcomingThenDueFromTheFirstReminderThenOverdue() {
		ReviewCycle cycle = new ReviewCycle(2026, LocalDate.of(2026, 11, 6), "ld", ReviewCycleStatus.UPCOMING, 0, null,
				null);
		assertThat(cycle.statusOn(LocalDate.of(2026, 10, 6), 30)).isEqualTo(ReviewCycleStatus.UPCOMING);
		assertThat(cycle.statusOn(LocalDate.of(2026, 10, 7), 30)).isEqualTo(ReviewCycleStatus.DUE);
		assertThat(cycle.statusOn(LocalDate.of(2026, 11, 6), 30)).isEqualTo(ReviewCycleStatus.DUE);
		assertThat(cycle.statusOn(LocalDate.of(2026, 11, 7), 30)).isEqualTo(ReviewCycleStatus.OVERDUE);
	}

	private static List<String> holdFiveYears(ReviewSchedule schedule) {
		List<String> hosts = new ArrayList<>();
		for (int year = 0; year < 5; year++) {
			ReviewCycle cycle = schedule.upcoming().orElseThrow();
			hosts.add(cycle.hostOrganizationId());
			LocalDate after = cycle.dueOn().plusDays(2);
			schedule.held("review-" + year, cycle.dueOn(), after, NOW);
		}
		return hosts;
	}

	private static ReviewSchedule scheduleOf(List<String> rotation, String lastHost, int month, int day) {
		ReviewSchedule schedule = ReviewSchedule.of("agr");
		schedule.follow(agreement(AgreementStatus.ACTIVE, rotation, lastHost, month, day), 2);
		schedule.reconcile(TODAY, NOW);
		return schedule;
	}

	private static AgreementState agreement(AgreementStatus status, List<String> rotation, String lastHost, int month,
			int day) {
		return new AgreementState("agr", "IT-1", new LocalizedText("Chương trình", null),
				rotation.stream().map((id) -> new Party(id, PartyRole.PARTNER)).toList(), LocalDate.of(2009, 10, 15),
				LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh", List.of(), status, List.of(),
				new ReviewPolicy(month, day, "Asia/Ho_Chi_Minh", rotation, lastHost, List.of(30, 7, 1)));
	}

}
