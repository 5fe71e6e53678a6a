package org.coophub.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.coophub.events.agreement.AgreementAmended;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentAdded;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * History typed in years after it happened: every change takes effect on its own day, and
 * the agreement as of a day is replayed by those days, not by when they were recorded.
 */
class EffectiveDatesTest {

	/** 4 December 2026, 10:00 in Ho Chi Minh City: the day the history is typed in. */
	static final Instant TYPED_IN = Instant.parse("2026-12-04T03:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	static final LocalDate REVIEW_2012 = LocalDate.of(2012, 11, 6);

	static Agreement typedIn() {
		Agreement agreement = Agreement.draft(AgreementTest.terms(AgreementTest.policy(List.of("hcm", "ld"), "hcm")));
		agreement.created(TYPED_IN, "secretariat");
		return agreement;
	}

	static AgreementTerms withArea(Agreement agreement, Area area) {
		AgreementTerms terms = agreement.terms();
		return new AgreementTerms(terms.code(), terms.title(), terms.parties(), terms.signedOn(), terms.startsOn(),
				terms.endsOn(), terms.timeZone(), List.of(Area.INVESTMENT_PROMOTION, area), terms.commitments(),
				terms.reviewPolicy());
	}

	static Commitment introductions(LocalDate since) {
		return new Commitment(UUID.randomUUID().toString(), new LocalizedText("Giới thiệu vùng nguyên liệu", null),
				Area.RAW_MATERIAL_SOURCING, "ld", null, null, CommitmentStatus.OPEN, since);
	}

	@Test
	void theFirstVersionTakesEffectWhenTheAgreementWasSigned() {
		Agreement agreement = typedIn();

		assertThat(agreement.history()).singleElement()
			.satisfies((revision) -> assertThat(revision.effectiveOn()).isEqualTo(LocalDate.of(2009, 10, 15)));
		assertThat(agreement.asOf(LocalDate.of(2009, 10, 15))).isPresent();
		assertThat(agreement.asOf(LocalDate.of(2009, 10, 14))).isEmpty();
	}

	@Test
	void aBackDatedAmendmentIsInForceFromItsEffectiveDayAndNotBefore() {
		Agreement agreement = typedIn();
		agreement.transition(Transition.ACTIVATE, new TransitionInput(LocalDate.of(2009, 10, 15), null), TYPED_IN,
				"secretariat");

		AgreementAmended amended = agreement.amend(withArea(agreement, Area.RAW_MATERIAL_SOURCING),
				"Theo biên bản sơ kết ngày 06/11/2012", REVIEW_2012, "secretariat", TYPED_IN);

		assertThat(amended.effectiveOn()).isEqualTo(REVIEW_2012);
		assertThat(amended.occurredAt()).isEqualTo(TYPED_IN);
		assertThat(agreement.asOf(LocalDate.of(2012, 11, 7))).hasValueSatisfying((revision) -> {
			assertThat(revision.version()).isEqualTo(3);
			assertThat(revision.state().areas()).contains(Area.RAW_MATERIAL_SOURCING);
			assertThat(revision.state().status()).isEqualTo(AgreementStatus.ACTIVE);
		});
		assertThat(agreement.asOf(REVIEW_2012)).hasValueSatisfying(
				(revision) -> assertThat(revision.state().areas()).contains(Area.RAW_MATERIAL_SOURCING));
		assertThat(agreement.asOf(LocalDate.of(2012, 11, 5))).hasValueSatisfying((revision) -> {
			assertThat(revision.version()).isEqualTo(2);
			assertThat(revision.state().areas()).containsExactly(Area.INVESTMENT_PROMOTION);
			assertThat(revision.state().status()).isEqualTo(AgreementStatus.ACTIVE);
		});
	}

	@Test
	void aBackDatedAmendmentDoesNotCarryAlongChangesRecordedBeforeItThatTakeEffectLater() {
		Agreement agreement = typedIn();
		agreement.transition(Transition.ACTIVATE, TYPED_IN, "secretariat");
		Commitment later = introductions(LocalDate.of(2027, 1, 1));
		agreement.addCommitment(later, "secretariat", TYPED_IN);

		agreement.amend(withArea(agreement, Area.RAW_MATERIAL_SOURCING), "Theo biên bản sơ kết", REVIEW_2012,
				"secretariat", TYPED_IN);

		assertThat(agreement.asOf(LocalDate.of(2012, 11, 7))).hasValueSatisfying((revision) -> {
			assertThat(revision.state().areas()).contains(Area.RAW_MATERIAL_SOURCING);
			assertThat(revision.state().status()).as("activated only today").isEqualTo(AgreementStatus.DRAFT);
			assertThat(revision.state().commitments()).isEmpty();
			assertThat(revision.version()).as("the newest version it includes").isEqualTo(4);
		});
		assertThat(agreement.asOf(TODAY)).hasValueSatisfying((revision) -> {
			assertThat(revision.state().status()).isEqualTo(AgreementStatus.ACTIVE);
			assertThat(revision.state().commitments()).as("in force from 2027").isEmpty();
		});
		assertThat(agreement.asOf(LocalDate.of(2027, 1, 1)))
			.hasValueSatisfying((revision) -> assertThat(revision.state().commitments()).extracting(Commitment::id)
				.containsExactly(later.id()));
	}

	@Test
	void aCommitmentAddedWithAnEffectiveDateIsInForceFromThenAndItsEventSaysSo() {
		Agreement agreement = typedIn();
		agreement.transition(Transition.ACTIVATE, TYPED_IN, "secretariat");

		CommitmentAdded added = agreement.addCommitment(introductions(REVIEW_2012), "secretariat", TYPED_IN);

		assertThat(added.effectiveOn()).isEqualTo(REVIEW_2012);
		assertThat(added.agreement().commitments()).singleElement()
			.satisfies((c) -> assertThat(c.since()).isEqualTo(REVIEW_2012));
		assertThat(agreement.history()).last()
			.satisfies((revision) -> assertThat(revision.effectiveOn()).isEqualTo(REVIEW_2012));
		assertThat(agreement.asOf(LocalDate.of(2012, 11, 7)))
			.hasValueSatisfying((revision) -> assertThat(revision.state().commitments()).hasSize(1));
		assertThat(agreement.asOf(LocalDate.of(2012, 11, 5)))
			.hasValueSatisfying((revision) -> assertThat(revision.state().commitments()).isEmpty());
	}

	@Test
	void withoutAnEffectiveDateAChangeTakesEffectTodayInTheAgreementsTimeZone() {
		Agreement agreement = typedIn();
		// 20:00 UTC on 4 December is already 5 December in Ho Chi Minh City.
		Instant evening = Instant.parse("2026-12-04T20:00:00Z");

		AgreementStatusChanged activated = agreement.transition(Transition.ACTIVATE, evening, "secretariat");
		AgreementAmended amended = agreement.amend(withArea(agreement, Area.ENVIRONMENT), "x", "secretariat", evening);

		assertThat(activated.effectiveOn()).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(amended.effectiveOn()).isEqualTo(LocalDate.of(2026, 12, 5));
	}

	@Test
	void nothingTakesEffectBeforeTheAgreementWasSignedAndNothingIsRecorded() {
		Agreement agreement = typedIn();
		LocalDate beforeSigning = LocalDate.of(2009, 10, 14);

		assertThatThrownBy(
				() -> agreement.amend(withArea(agreement, Area.ENVIRONMENT), "x", beforeSigning, "a", TYPED_IN))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("effectiveOn"));
		assertThatThrownBy(() -> agreement.addCommitment(introductions(beforeSigning), "a", TYPED_IN))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("effectiveOn"));
		assertThatThrownBy(() -> agreement.transition(Transition.ACTIVATE, new TransitionInput(beforeSigning, null),
				TYPED_IN, "a"))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("effectiveOn"));
		assertThat(agreement.version()).isEqualTo(1);
		assertThat(agreement.history()).hasSize(1);
		assertThat(agreement.state().status()).isEqualTo(AgreementStatus.DRAFT);
	}

	@Test
	void anAmendmentMayBeSignedAheadButAStatusChangeCannotTakeEffectInTheFuture() {
		Agreement agreement = typedIn();
		LocalDate nextYear = LocalDate.of(2027, 1, 1);

		assertThatThrownBy(
				() -> agreement.transition(Transition.ACTIVATE, new TransitionInput(nextYear, null), TYPED_IN, "a"))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("effectiveOn"));
		AgreementAmended ahead = agreement.amend(withArea(agreement, Area.ENVIRONMENT), "Ký trước", nextYear, "a",
				TYPED_IN);

		assertThat(ahead.effectiveOn()).isEqualTo(nextYear);
		assertThat(agreement.asOf(TODAY)).hasValueSatisfying(
				(revision) -> assertThat(revision.state().areas()).containsExactly(Area.INVESTMENT_PROMOTION));
	}

	@Test
	void aStatusChangeCannotTakeEffectBeforeTheOneItFollows() {
		Agreement agreement = typedIn();
		agreement.transition(Transition.ACTIVATE, new TransitionInput(LocalDate.of(2012, 1, 1), "Kích hoạt"), TYPED_IN,
				"a");

		assertThatThrownBy(() -> agreement.transition(Transition.SUSPEND,
				new TransitionInput(LocalDate.of(2011, 12, 31), null), TYPED_IN, "a"))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("effectiveOn"));
		AgreementStatusChanged suspended = agreement.transition(Transition.SUSPEND,
				new TransitionInput(LocalDate.of(2012, 1, 1), "Tạm dừng"), TYPED_IN, "a");

		assertThat(suspended.effectiveOn()).isEqualTo(LocalDate.of(2012, 1, 1));
		assertThat(agreement.history()).last()
			.satisfies((revision) -> assertThat(revision.note()).isEqualTo("Tạm dừng"));
		assertThat(agreement.asOf(LocalDate.of(2012, 1, 1))).hasValueSatisfying(
				(revision) -> assertThat(revision.state().status()).isEqualTo(AgreementStatus.SUSPENDED));
	}

	@Test
	void anExpiryTakesEffectTheDayAfterThePeriodEndedOrWhenTheStatusLastChangedIfLater() {
		AgreementTerms terms = typedIn().terms();
		Agreement typedInAfterItsEnd = Agreement.draft(new AgreementTerms("CTHT-2009", terms.title(), terms.parties(),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), LocalDate.of(2012, 12, 31), "Asia/Ho_Chi_Minh",
				terms.areas(), List.of(), terms.reviewPolicy()));
		typedInAfterItsEnd.created(TYPED_IN, "a");
		typedInAfterItsEnd.transition(Transition.ACTIVATE, new TransitionInput(LocalDate.of(2009, 10, 15), null),
				TYPED_IN, "a");
		assertThat(typedInAfterItsEnd.transition(Transition.EXPIRE, TYPED_IN, "system").effectiveOn())
			.isEqualTo(LocalDate.of(2013, 1, 1));

		Agreement activatedToday = Agreement.draft(typedInAfterItsEnd.terms());
		activatedToday.created(TYPED_IN, "a");
		activatedToday.transition(Transition.ACTIVATE, TYPED_IN, "a");
		assertThat(activatedToday.transition(Transition.EXPIRE, TYPED_IN, "system").effectiveOn()).isEqualTo(TODAY);
	}

	@Test
	void aVersionStoredBeforeEffectiveDatesExistedTakesEffectTheDayItWasRecorded() {
		Revision legacy = new Revision(1, Instant.parse("2012-11-06T17:30:00Z"), null, "a", RevisionKind.AMENDED,
				List.of(), null, typedIn().state());

		assertThat(legacy.effectiveIn(ZoneId.of("Asia/Ho_Chi_Minh"))).isEqualTo(LocalDate.of(2012, 11, 7));
		assertThat(HistoryView.of(legacy, ZoneId.of("Asia/Ho_Chi_Minh")).effectiveOn())
			.isEqualTo(LocalDate.of(2012, 11, 7));
	}

}
