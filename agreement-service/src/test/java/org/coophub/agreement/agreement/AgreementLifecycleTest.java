package org.coophub.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coophub.events.agreement.AgreementStatus.ACTIVE;
import static org.coophub.events.agreement.AgreementStatus.DRAFT;
import static org.coophub.events.agreement.AgreementStatus.EXPIRED;
import static org.coophub.events.agreement.AgreementStatus.SUSPENDED;
import static org.coophub.events.agreement.AgreementStatus.TERMINATED;

/**
 * Every transition from every status: the legal ones make a new version and publish the
 * full state; the illegal ones are refused naming the current status and what it allows.
 */
class AgreementLifecycleTest {

	static final Instant NOW = Instant.parse("2030-01-02T03:00:00Z");

	/**
	 * The lifecycle of the issue, written out rather than read from the code under test.
	 */
	static final Map<Transition, Set<AgreementStatus>> LEGAL = Map.of(Transition.ACTIVATE, Set.of(DRAFT),
			Transition.SUSPEND, Set.of(ACTIVE), Transition.RESUME, Set.of(SUSPENDED), Transition.TERMINATE,
			Set.of(ACTIVE, SUSPENDED), Transition.EXPIRE, Set.of(ACTIVE, SUSPENDED), Transition.RENEW, Set.of(EXPIRED));

	static final Map<Transition, AgreementStatus> TARGET = Map.of(Transition.ACTIVATE, ACTIVE, Transition.SUSPEND,
			SUSPENDED, Transition.RESUME, ACTIVE, Transition.TERMINATE, TERMINATED, Transition.EXPIRE, EXPIRED,
			Transition.RENEW, ACTIVE);

	static Stream<Arguments> everyTransitionFromEveryStatus() {
		return Stream.of(Transition.values())
			.flatMap((transition) -> Stream.of(AgreementStatus.values())
				.map((status) -> Arguments.of(transition, status, LEGAL.get(transition).contains(status))));
	}

	static Agreement in(AgreementStatus status) {
		Agreement agreement = Agreement.draft(AgreementTest.terms(AgreementTest.policy(List.of("hcm", "ld"), "hcm")));
		agreement.created(NOW, "tester");
		switch (status) {
			case DRAFT -> {
			}
			case ACTIVE -> agreement.transition(Transition.ACTIVATE, NOW, "tester");
			case SUSPENDED -> {
				agreement.transition(Transition.ACTIVATE, NOW, "tester");
				agreement.transition(Transition.SUSPEND, NOW, "tester");
			}
			case TERMINATED -> {
				agreement.transition(Transition.ACTIVATE, NOW, "tester");
				agreement.transition(Transition.TERMINATE, NOW, "tester");
			}
			case EXPIRED -> {
				agreement.transition(Transition.ACTIVATE, NOW, "tester");
				agreement.transition(Transition.EXPIRE, NOW, "system");
			}
		}
		assertThat(agreement.state().status()).isEqualTo(status);
		return agreement;
	}

	@ParameterizedTest(name = "{0} from {1}: legal={2}")
	@MethodSource("everyTransitionFromEveryStatus")
	void transitionIsAllowedExactlyWhereTheLifecycleSays(Transition transition, AgreementStatus from, boolean legal) {
		Agreement agreement = in(from);
		long version = agreement.version();

		if (legal) {
			AgreementStatusChanged changed = (transition == Transition.RENEW) ? agreement.renew(null, null, NOW, "a")
					: agreement.transition(transition, NOW, "a");
			assertThat(changed.agreement().status()).isEqualTo(TARGET.get(transition));
			assertThat(changed.version()).isEqualTo(version + 1).isEqualTo(agreement.version());
			assertThat(changed.agreementId()).isEqualTo(agreement.id());
			assertThat(agreement.history()).last()
				.satisfies((revision) -> assertThat(revision.change()).isEqualTo(RevisionKind.of(transition)));
		}
		else {
			assertThatThrownBy(() -> agreement.transition(transition, NOW, "a"))
				.isInstanceOfSatisfying(IllegalTransitionException.class, (ex) -> {
					assertThat(ex.currentStatus()).isEqualTo(from);
					assertThat(ex).hasMessageContaining(from.name()).hasMessageContaining(transition.action());
				});
			assertThat(agreement.version()).isEqualTo(version);
			assertThat(agreement.state().status()).isEqualTo(from);
		}
	}

	@Test
	void theRefusalListsWhatIsAllowedFromTheCurrentStatus() {
		assertThatThrownBy(() -> in(SUSPENDED).transition(Transition.SUSPEND, NOW, "a"))
			.isInstanceOfSatisfying(IllegalTransitionException.class,
					(ex) -> assertThat(ex.allowedActions()).containsExactly("resume", "terminate"))
			.hasMessageContaining("allowed from SUSPENDED: resume, terminate");
		assertThatThrownBy(() -> in(TERMINATED).transition(Transition.RESUME, NOW, "a")).isInstanceOfSatisfying(
				IllegalTransitionException.class, (ex) -> assertThat(ex.allowedActions()).isEmpty());
		assertThat(Transition.allowedActions(DRAFT)).containsExactly("activate");
		assertThat(Transition.allowedActions(ACTIVE)).containsExactly("suspend", "terminate");
		assertThat(Transition.allowedActions(EXPIRED)).containsExactly("renew");
	}

	@Test
	void aRenewalIsNotAPlainStatusChange() {
		assertThatThrownBy(() -> in(EXPIRED).transition(Transition.RENEW, NOW, "a"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void renewalStartsTheNextPeriodTheDayAfterTheLastEndedAndKeepsTheOldOneInHistory() {
		Agreement agreement = in(EXPIRED);

		AgreementStatusChanged renewed = agreement.renew(LocalDate.of(2034, 12, 31), "Tái ký giai đoạn 2030-2034", NOW,
				"vanphong@bqlkcn-lamdong.example");

		assertThat(renewed.agreement().startsOn()).isEqualTo(LocalDate.of(2030, 1, 1));
		assertThat(renewed.agreement().endsOn()).isEqualTo(LocalDate.of(2034, 12, 31));
		assertThat(renewed.agreement().status()).isEqualTo(ACTIVE);
		Revision last = agreement.history().get(agreement.history().size() - 1);
		assertThat(last.changedFields()).containsExactly("status", "startsOn", "endsOn");
		assertThat(last.note()).isEqualTo("Tái ký giai đoạn 2030-2034");
		assertThat(agreement.history().get(0).state().startsOn()).isEqualTo(LocalDate.of(2009, 10, 15));
	}

	@Test
	void withoutAnEndTheNextPeriodIsAsLongAsTheLastOne() {
		Agreement agreement = in(EXPIRED);

		AgreementStatusChanged renewed = agreement.renew(null, null, NOW, "a");

		// 2009-10-15..2029-12-31 is 7382 days from start to end; so is the next period.
		assertThat(renewed.agreement().endsOn()).isEqualTo(LocalDate.of(2030, 1, 1)
			.plusDays(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2009, 10, 15),
					LocalDate.of(2029, 12, 31))));
	}

	@Test
	void aNextPeriodEndingBeforeItStartsIsRefused() {
		Agreement agreement = in(EXPIRED);
		assertThatThrownBy(() -> agreement.renew(LocalDate.of(2029, 6, 1), null, NOW, "a"))
			.isInstanceOf(org.coophub.platform.problem.RuleViolationException.class)
			.hasMessageContaining("2030-01-01");
		assertThat(agreement.state().status()).isEqualTo(EXPIRED);
	}

	@Test
	void anAgreementHasEndedOnlyOnceItsLastDayIsOverInItsOwnTimeZone() {
		Agreement agreement = in(ACTIVE);
		// 2029-12-31 16:59 UTC is 23:59 in Ho Chi Minh City: the last day is not over
		// yet.
		assertThat(agreement.hasEndedBy(agreement.today(Instant.parse("2029-12-31T16:59:00Z")))).isFalse();
		// 17:00 UTC is midnight there: 1 January 2030 has begun.
		assertThat(agreement.hasEndedBy(agreement.today(Instant.parse("2029-12-31T17:00:00Z")))).isTrue();
		assertThat(in(SUSPENDED).hasEndedBy(LocalDate.of(2030, 1, 1))).isTrue();
		assertThat(in(DRAFT).hasEndedBy(LocalDate.of(2030, 1, 1))).isFalse();
		assertThat(in(TERMINATED).hasEndedBy(LocalDate.of(2030, 1, 1))).isFalse();
	}

}
