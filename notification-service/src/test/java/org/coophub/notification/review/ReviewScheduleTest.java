package org.coophub.notification.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.coophub.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewScheduleTest {

	static final ZoneId HCMC = ZoneId.of("Asia/Ho_Chi_Minh");

	static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	static final Instant NOW = at(TODAY);

	@Test
	void withTwoPartiesTheHostAlternatesOverFiveYears() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1));

		assertThat(holdFiveYears(schedule)).containsExactly("ld", "hcm", "ld", "hcm", "ld");
		assertThat(schedule.cycles()).extracting(ReviewCycle::dueOn)
			.containsExactly(LocalDate.of(2026, 11, 6), LocalDate.of(2027, 11, 6), LocalDate.of(2028, 11, 6),
					LocalDate.of(2029, 11, 6), LocalDate.of(2030, 11, 6), LocalDate.of(2031, 11, 6));
		assertThat(schedule.upcoming()).get().extracting(ReviewCycle::hostOrganizationId).isEqualTo("hcm");
	}

	@Test
	void withThreePartiesTheHostCyclesOverFiveYears() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm", "dn"), "dn", 2, 29, LocalDate.of(2026, 3, 2));

		assertThat(holdFiveYears(schedule)).containsExactly("ld", "hcm", "dn", "ld", "hcm");
		// a review on 29 February falls on the 28th in common years
		assertThat(schedule.cycles()).extracting(ReviewCycle::dueOn)
			.containsExactly(LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 29), LocalDate.of(2029, 2, 28),
					LocalDate.of(2030, 2, 28), LocalDate.of(2031, 2, 28), LocalDate.of(2032, 2, 29));
	}

	@Test
	void theSameReviewActivityCompletedTwiceHoldsTheCycleOnce() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1));
		LocalDate after = LocalDate.of(2026, 11, 8);

		List<DomainEvent> first = schedule.held("act-review", LocalDate.of(2026, 11, 6), "ld", after, at(after))
			.orElseThrow();

		assertThat(schedule.held("act-review", LocalDate.of(2026, 11, 6), "ld", after, at(after))).isEmpty();
		assertThat(first.get(0)).isInstanceOf(ReviewHeld.class);
		assertThat(((ReviewHeld) first.get(0)).nextHostOrganizationId()).isEqualTo("hcm");
		assertThat(first.subList(1, first.size())).isNotEmpty().allMatch(ReviewScheduled.class::isInstance);
		assertThat(schedule.cycles()).extracting(ReviewCycle::status)
			.containsExactly(ReviewCycleStatus.HELD, ReviewCycleStatus.UPCOMING);
	}

	@Test
	void reviewsRecordedOutOfOrderHoldTheCyclesOfTheirOwnYears() {
		// the demo program: loaded on 4 December 2026, its reviews of 2010-2012 after it
		ReviewSchedule inOrder = demo();
		ReviewSchedule outOfOrder = demo();
		LocalDate today = LocalDate.of(2026, 12, 4);
		Instant now = at(today);
		inOrder.held("r2010", LocalDate.of(2010, 11, 5), "hcm", today, now);
		inOrder.held("r2011", LocalDate.of(2011, 11, 4), "ld", today, now);
		inOrder.held("r2012", LocalDate.of(2012, 11, 6), "hcm", today, now);
		outOfOrder.held("r2012", LocalDate.of(2012, 11, 6), "hcm", today, now);
		outOfOrder.held("r2010", LocalDate.of(2010, 11, 5), "hcm", today, now);
		outOfOrder.held("r2011", LocalDate.of(2011, 11, 4), "ld", today, now);
		// delivered again: nothing changes
		assertThat(outOfOrder.held("r2010", LocalDate.of(2010, 11, 5), "hcm", today, now)).isEmpty();

		// the same cycles whatever the order (the current one's sequence counts the host
		// changes it went through, which only calendars care about)
		assertThat(outOfOrder.cycles()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("sequence")
			.isEqualTo(inOrder.cycles());
		List<ReviewCycle> cycles = outOfOrder.cycles();
		assertThat(cycles).extracting(ReviewCycle::year).startsWith(2009, 2010, 2011, 2012).endsWith(2026, 2027);
		assertThat(cycles).hasSize(19);
		assertThat(outOfOrder.cycle(2010).orElseThrow()).satisfies((c) -> {
			assertThat(c.status()).isEqualTo(ReviewCycleStatus.HELD);
			assertThat(c.heldOn()).isEqualTo(LocalDate.of(2010, 11, 5));
			assertThat(c.hostOrganizationId()).isEqualTo("hcm");
			// the rotation planned LD (after HCM, the last host before the records)
			assertThat(c.plannedHostOrganizationId()).isEqualTo("ld");
		});
		assertThat(outOfOrder.cycle(2011).orElseThrow().hostOrganizationId()).isEqualTo("ld");
		assertThat(outOfOrder.cycle(2012).orElseThrow().hostOrganizationId()).isEqualTo("hcm");
		assertThat(cycles).filteredOn((c) -> c.year() == 2009 || (c.year() >= 2013 && c.year() <= 2026))
			.hasSize(15)
			.allMatch((c) -> c.status() == ReviewCycleStatus.MISSED && outOfOrder.history(c));
		ReviewCycle next = outOfOrder.upcoming().orElseThrow();
		assertThat(next.year()).isEqualTo(2027);
		assertThat(next.dueOn()).isEqualTo(LocalDate.of(2027, 11, 6));
		assertThat(next.hostOrganizationId()).isEqualTo("ld");
		assertThat(next.rotation()).isEqualTo("after hcm hosted 2012");
		assertThat(outOfOrder.history(next)).isFalse();
		assertThat(next.statusAt(now, HCMC, 30)).isEqualTo(ReviewCycleStatus.UPCOMING);
	}

	@Test
	void aReviewHostedByAnotherPartyThanPlannedMovesTheRotationOnFromThatHost() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm", "dn"), "dn", 11, 6, LocalDate.of(2026, 1, 1));
		assertThat(schedule.upcoming().orElseThrow().hostOrganizationId()).isEqualTo("ld");
		LocalDate after = LocalDate.of(2026, 11, 8);

		List<DomainEvent> events = schedule.held("act", LocalDate.of(2026, 11, 6), "hcm", after, at(after))
			.orElseThrow();

		ReviewHeld held = (ReviewHeld) events.get(0);
		assertThat(held.hostOrganizationId()).isEqualTo("hcm");
		assertThat(held.nextHostOrganizationId()).isEqualTo("dn");
		assertThat(schedule.cycle(2026).orElseThrow().plannedHostOrganizationId()).isEqualTo("ld");
		assertThat(schedule.upcoming().orElseThrow().hostOrganizationId()).isEqualTo("dn");
		assertThat(schedule.upcoming().orElseThrow().rotation()).isEqualTo("after hcm hosted 2026");
	}

	@Test
	void aSecondReviewInAHeldYearIsRecordedOnItsCycleAndHoldsNoOther() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1));
		LocalDate after = LocalDate.of(2026, 12, 20);
		schedule.held("first", LocalDate.of(2026, 11, 6), "ld", after, at(after));

		assertThat(schedule.held("second", LocalDate.of(2026, 12, 18), "hcm", after, at(after))).get()
			.asList()
			.isEmpty();

		assertThat(schedule.cycle(2026).orElseThrow().otherReviewActivityIds()).containsExactly("second");
		assertThat(schedule.cycle(2026).orElseThrow().hostOrganizationId()).isEqualTo("ld");
		assertThat(schedule.upcoming().orElseThrow().year()).isEqualTo(2027);
		assertThat(schedule.held("second", LocalDate.of(2026, 12, 18), "hcm", after, at(after))).isEmpty();
	}

	@Test
	void anUnheldReviewIsOverdueUntilTheNextCycleBeginsThenMissed() {
		// activated on 20 October 2026: the review of 6 November is the current one
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2009, 10, 15),
				at(LocalDate.of(2026, 10, 20)));
		ReviewCycle cycle = schedule.upcoming().orElseThrow();
		assertThat(cycle.year()).isEqualTo(2026);
		assertThat(cycle.statusAt(Instant.parse("2026-11-10T03:00:00Z"), HCMC, 30))
			.isEqualTo(ReviewCycleStatus.OVERDUE);

		// 7 October 2027, 08:00 in Ho Chi Minh City: the 2027 review's first reminder
		Instant nextBegins = Instant.parse("2027-10-07T01:00:00Z");
		schedule.reconcile(LocalDate.of(2027, 10, 6), nextBegins.minusSeconds(1));
		assertThat(schedule.upcoming().orElseThrow().year()).isEqualTo(2026);
		List<DomainEvent> events = schedule.reconcile(LocalDate.of(2027, 10, 7), nextBegins);

		assertThat(schedule.cycle(2026).orElseThrow().status()).isEqualTo(ReviewCycleStatus.MISSED);
		assertThat(schedule.upcoming().orElseThrow().year()).isEqualTo(2027);
		assertThat(events).map((e) -> ((ReviewScheduled) e).status())
			.containsExactly(ReviewCycleStatus.MISSED, ReviewCycleStatus.UPCOMING, ReviewCycleStatus.DUE);
		// the years before the activation are history, the 2026 one is not
		assertThat(schedule.history(schedule.cycle(2025).orElseThrow())).isTrue();
		assertThat(schedule.history(schedule.cycle(2026).orElseThrow())).isFalse();
	}

	@Test
	void dueIsAnnouncedOnceFromTheFirstReminderAndAgainAfterAMove() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1));
		Instant firstReminder = Instant.parse("2026-10-07T01:00:00Z");
		assertThat(schedule.wakeUpAt()).isEqualTo(firstReminder);
		assertThat(schedule.reconcile(LocalDate.of(2026, 10, 7), firstReminder.minusSeconds(1))).isEmpty();

		List<DomainEvent> due = schedule.reconcile(LocalDate.of(2026, 10, 7), firstReminder);

		assertThat(due).singleElement()
			.isInstanceOfSatisfying(ReviewScheduled.class,
					(e) -> assertThat(e.status()).isEqualTo(ReviewCycleStatus.DUE));
		assertThat(schedule.reconcile(LocalDate.of(2026, 10, 8), firstReminder.plusSeconds(86_400))).isEmpty();
		// then it waits for the next cycle's first reminder
		assertThat(schedule.wakeUpAt()).isEqualTo(Instant.parse("2027-10-07T01:00:00Z"));

		List<DomainEvent> moved = schedule.move(2026, LocalDate.of(2026, 11, 20), "Hội nghị dời", "ld-editor@LD",
				LocalDate.of(2026, 10, 22), Instant.parse("2026-10-22T03:00:00Z"));
		assertThat(moved).map((e) -> ((ReviewScheduled) e).status())
			.containsExactly(ReviewCycleStatus.UPCOMING, ReviewCycleStatus.DUE);
		ReviewScheduled move = (ReviewScheduled) moved.get(0);
		assertThat(move.dueOn()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(move.sequence()).isEqualTo(1);
		assertThat(move.note()).isEqualTo("Hội nghị dời");
		assertThat(move.actor()).isEqualTo("ld-editor@LD");
		assertThat(schedule.history()).singleElement()
			.satisfies((h) -> assertThat(h.change()).isEqualTo("MOVED"))
			.satisfies((h) -> assertThat(h.dueOn()).isEqualTo(LocalDate.of(2026, 11, 20)));
		// a policy amendment no longer moves a date a party set
		schedule.follow(
				agreement(AgreementStatus.ACTIVE, List.of("ld", "hcm"), "hcm", 12, 15, LocalDate.of(2026, 1, 1)), 3,
				NOW, HCMC);
		schedule.reconcile(LocalDate.of(2026, 10, 22), Instant.parse("2026-10-22T03:00:00Z"));
		assertThat(schedule.upcoming().orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 11, 20));
	}

	@Test
	void aSkippedCycleMakesTheNextOneCurrentAndIsAnnouncedWithItsNote() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1));

		List<DomainEvent> events = schedule.skip(2026, "Dịch bệnh", "hcm-editor@HCM", TODAY, NOW);

		ReviewScheduled skipped = (ReviewScheduled) events.get(0);
		assertThat(skipped.status()).isEqualTo(ReviewCycleStatus.SKIPPED);
		assertThat(skipped.note()).isEqualTo("Dịch bệnh");
		assertThat(skipped.actor()).isEqualTo("hcm-editor@HCM");
		assertThat(skipped.sequence()).isEqualTo(1);
		assertThat(schedule.upcoming().orElseThrow().year()).isEqualTo(2027);
		// nobody hosted 2026: it is still LD's turn
		assertThat(schedule.upcoming().orElseThrow().hostOrganizationId()).isEqualTo("ld");
		assertThat(schedule.history()).singleElement().satisfies((h) -> {
			assertThat(h.change()).isEqualTo("SKIPPED");
			assertThat(h.year()).isEqualTo(2026);
			assertThat(h.version()).isPositive();
		});
	}

	@Test
	void aHeldCycleAMissingYearOrADayOutsideThePeriodCannotBeSkippedOrMoved() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1));
		AgreementState ending = agreement(AgreementStatus.ACTIVE, List.of("ld", "hcm"), "hcm", 11, 6,
				LocalDate.of(2026, 1, 1));
		schedule.follow(new AgreementState(ending.id(), ending.code(), ending.title(), ending.parties(),
				ending.signedOn(), ending.startsOn(), LocalDate.of(2027, 12, 31), ending.timeZone(), ending.areas(),
				ending.status(), ending.commitments(), ending.reviewPolicy()), 3, NOW, HCMC);
		LocalDate after = LocalDate.of(2026, 11, 8);
		schedule.held("act", LocalDate.of(2026, 11, 6), "ld", after, at(after));
		long version = schedule.version();

		assertRule(() -> schedule.skip(2026, "x", "a", after, at(after)), "year");
		assertRule(() -> schedule.move(2026, LocalDate.of(2026, 12, 1), "x", "a", after, at(after)), "year");
		assertRule(() -> schedule.skip(2031, "x", "a", after, at(after)), "year");
		assertRule(() -> schedule.move(2027, LocalDate.of(2028, 1, 5), "x", "a", after, at(after)), "dueOn");
		assertRule(() -> schedule.move(2027, LocalDate.of(2026, 12, 1), "x", "a", after, at(after)), "dueOn");
		assertThat(schedule.version()).isEqualTo(version);
		assertThat(schedule.history()).isEmpty();
	}

	@Test
	void anAgreementStartingInAFewYearsIsPlannedFromItsStart() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2030, 1, 1));

		assertThat(schedule.cycles()).singleElement().satisfies((c) -> {
			assertThat(c.dueOn()).isEqualTo(LocalDate.of(2030, 11, 6));
			assertThat(c.status()).isEqualTo(ReviewCycleStatus.UPCOMING);
		});
		assertThat(schedule.wakeUpAt()).isEqualTo(Instant.parse("2030-10-07T01:00:00Z"));
	}

	@Test
	void aRescheduledReviewMovesWithAHigherSequence() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1));

		assertThat(schedule.rescheduled("act-review", LocalDate.of(2026, 11, 20), TODAY, NOW)).isNotEmpty();
		assertThat(schedule.rescheduled("act-review", LocalDate.of(2026, 11, 20), TODAY, NOW)).isEmpty();

		ReviewCycle cycle = schedule.upcoming().orElseThrow();
		assertThat(cycle.dueOn()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(cycle.sequence()).isEqualTo(1);
		assertThat(cycle.year()).isEqualTo(2026);
	}

	@Test
	void anAmendedPolicyMovesTheUpcomingReview() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1));

		schedule.follow(
				agreement(AgreementStatus.ACTIVE, List.of("ld", "hcm"), "hcm", 12, 15, LocalDate.of(2026, 1, 1)), 3,
				NOW, HCMC);
		List<DomainEvent> events = schedule.reconcile(TODAY, NOW);

		assertThat(events).singleElement().isInstanceOf(ReviewScheduled.class);
		assertThat(schedule.upcoming().orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 12, 15));
		assertThat(schedule.upcoming().orElseThrow().sequence()).isEqualTo(1);
	}

	@Test
	void aSuspendedAgreementCancelsItsReviewAndResumingPlansItAgain() {
		ReviewSchedule schedule = scheduleOf(List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1));

		schedule.follow(
				agreement(AgreementStatus.SUSPENDED, List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1)), 3,
				NOW, HCMC);
		schedule.reconcile(TODAY, NOW);
		assertThat(schedule.upcoming()).isEmpty();
		assertThat(schedule.cycles()).extracting(ReviewCycle::status).containsExactly(ReviewCycleStatus.CANCELLED);
		assertThat(schedule.wakeUpAt()).isNull();

		schedule.follow(agreement(AgreementStatus.ACTIVE, List.of("ld", "hcm"), "hcm", 11, 6, LocalDate.of(2026, 1, 1)),
				4, NOW, HCMC);
		schedule.reconcile(TODAY, NOW);
		// the same cycle for calendars: same year, a higher sequence than its
		// cancellation
		assertThat(schedule.cycles()).extracting(ReviewCycle::status).containsExactly(ReviewCycleStatus.UPCOMING);
		assertThat(schedule.upcoming().orElseThrow().sequence()).isEqualTo(2);
		assertThat(schedule.upcoming().orElseThrow().hostOrganizationId()).isEqualTo("ld");
	}

	@Test
	void statusIsUpcomingThenDueFromTheFirstReminderThenOverdue() {
		ReviewCycle cycle = new ReviewCycle(2026, LocalDate.of(2026, 11, 6), "ld", ReviewCycleStatus.UPCOMING, 0, null,
				null);
		assertThat(cycle.statusAt(Instant.parse("2026-10-07T00:59:59Z"), HCMC, 30))
			.isEqualTo(ReviewCycleStatus.UPCOMING);
		assertThat(cycle.statusAt(Instant.parse("2026-10-07T01:00:00Z"), HCMC, 30)).isEqualTo(ReviewCycleStatus.DUE);
		assertThat(cycle.statusAt(Instant.parse("2026-11-06T16:59:59Z"), HCMC, 30)).isEqualTo(ReviewCycleStatus.DUE);
		assertThat(cycle.statusAt(Instant.parse("2026-11-06T17:00:00Z"), HCMC, 30))
			.isEqualTo(ReviewCycleStatus.OVERDUE);
	}

	private static void assertRule(Runnable change, String field) {
		assertThatThrownBy(change::run).isInstanceOfSatisfying(RuleViolationException.class,
				(ex) -> assertThat(ex.field()).isEqualTo(field));
	}

	private static List<String> holdFiveYears(ReviewSchedule schedule) {
		List<String> hosts = new ArrayList<>();
		for (int year = 0; year < 5; year++) {
			ReviewCycle cycle = schedule.upcoming().orElseThrow();
			hosts.add(cycle.hostOrganizationId());
			LocalDate after = cycle.dueOn().plusDays(2);
			schedule.held("review-" + year, cycle.dueOn(), cycle.hostOrganizationId(), after, at(after));
		}
		return hosts;
	}

	private static ReviewSchedule demo() {
		return scheduleOf(List.of("hcm", "ld"), "hcm", 11, 6, LocalDate.of(2009, 10, 15),
				at(LocalDate.of(2026, 12, 4)));
	}

	private static ReviewSchedule scheduleOf(List<String> rotation, String lastHost, int month, int day,
			LocalDate startsOn) {
		return scheduleOf(rotation, lastHost, month, day, startsOn, NOW);
	}

	private static ReviewSchedule scheduleOf(List<String> rotation, String lastHost, int month, int day,
			LocalDate startsOn, Instant activatedAt) {
		ReviewSchedule schedule = ReviewSchedule.of("agr");
		schedule.follow(agreement(AgreementStatus.ACTIVE, rotation, lastHost, month, day, startsOn), 2, activatedAt,
				HCMC);
		schedule.reconcile(LocalDate.ofInstant(activatedAt, HCMC), activatedAt);
		return schedule;
	}

	private static Instant at(LocalDate day) {
		return day.atTime(10, 0).atZone(HCMC).toInstant();
	}

	private static AgreementState agreement(AgreementStatus status, List<String> rotation, String lastHost, int month,
			int day, LocalDate startsOn) {
		return new AgreementState("agr", "IT-1", new LocalizedText("Chương trình", null),
				rotation.stream().map((id) -> new Party(id, PartyRole.PARTNER)).toList(), startsOn, startsOn, null,
				"Asia/Ho_Chi_Minh", List.of(), status, List.of(),
				new ReviewPolicy(month, day, "Asia/Ho_Chi_Minh", rotation, lastHost, List.of(30, 7, 1)));
	}

}
