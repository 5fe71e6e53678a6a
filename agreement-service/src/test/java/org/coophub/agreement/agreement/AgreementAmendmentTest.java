package org.coophub.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.coophub.agreement.agreement.AgreementInput.ReviewPolicyInput;
import org.coophub.agreement.agreement.AgreementInput.TargetInput;
import org.coophub.events.agreement.AgreementAmended;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentAdded;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.CommitmentUpdated;
import org.coophub.events.agreement.Target;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Amendments, commitments, the history they leave and the agreement as it stood on a day.
 */
class AgreementAmendmentTest {

	static final Instant CREATED = Instant.parse("2012-11-05T02:00:00Z");

	static final Instant AMENDED = Instant.parse("2012-11-06T16:30:00Z");

	static AgreementChanges endsOn(LocalDate endsOn) {
		return new AgreementChanges(null, null, null, null, endsOn, null, null, null, "Gia hạn theo biên bản sơ kết");
	}

	static Agreement active() {
		Agreement agreement = AgreementLifecycleTest.in(AgreementStatus.DRAFT);
		agreement.transition(Transition.ACTIVATE, CREATED, "tester");
		return agreement;
	}

	static Commitment conferences() {
		return new Commitment(UUID.randomUUID().toString(), new LocalizedText("Tổ chức hội nghị xúc tiến đầu tư", null),
				Area.INVESTMENT_PROMOTION, "ld", new Target("CONFERENCES", 2), null, CommitmentStatus.OPEN);
	}

	@Test
	void anAmendmentIsANewVersionNamingTheChangedFieldsTheNoteAndTheActor() {
		Agreement agreement = active();

		AgreementAmended amended = agreement.amend(endsOn(LocalDate.of(2034, 12, 31)).applyTo(agreement.terms()),
				"Gia hạn theo biên bản sơ kết", "vanphong@bqlkcn-lamdong.example", AMENDED);

		assertThat(amended.version()).isEqualTo(3);
		assertThat(amended.changedFields()).containsExactly("endsOn");
		assertThat(amended.note()).isEqualTo("Gia hạn theo biên bản sơ kết");
		assertThat(amended.actor()).isEqualTo("vanphong@bqlkcn-lamdong.example");
		assertThat(amended.agreement().endsOn()).isEqualTo(LocalDate.of(2034, 12, 31));
		assertThat(agreement.history()).extracting(Revision::version).containsExactly(1L, 2L, 3L);
		assertThat(agreement.history()).extracting(Revision::change)
			.containsExactly(RevisionKind.CREATED, RevisionKind.ACTIVATE, RevisionKind.AMENDED);
	}

	@Test
	void severalFieldsAreNamedAndUnchangedOnesAreNot() {
		Agreement agreement = active();
		AgreementChanges changes = new AgreementChanges(null, null, null, null, null, null,
				List.of(Area.INVESTMENT_PROMOTION, Area.ENVIRONMENT),
				new ReviewPolicyInput(12, 1, null, List.of("ld", "hcm"), "hcm", List.of(14)), "Bổ sung lĩnh vực");

		AgreementAmended amended = agreement.amend(changes.applyTo(agreement.terms()), changes.note(), "a", AMENDED);

		assertThat(amended.changedFields()).containsExactly("areas", "reviewPolicy");
		assertThat(amended.agreement().reviewPolicy().timeZone()).isEqualTo("Asia/Ho_Chi_Minh");
	}

	@Test
	void anAmendmentThatChangesNothingIsRefused() {
		Agreement agreement = active();
		assertThatThrownBy(() -> agreement.amend(endsOn(null).applyTo(agreement.terms()), "x", "a", AMENDED))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("changes nothing");
		assertThat(agreement.version()).isEqualTo(2);
	}

	@Test
	void anAmendmentMustKeepTheRules() {
		Agreement agreement = active();
		assertThatThrownBy(
				() -> agreement.amend(endsOn(LocalDate.of(2001, 1, 1)).applyTo(agreement.terms()), "x", "a", AMENDED))
			.isInstanceOfSatisfying(RuleViolationException.class, (ex) -> assertThat(ex.field()).isEqualTo("endsOn"));
		assertThat(agreement.state().endsOn()).isEqualTo(LocalDate.of(2029, 12, 31));
	}

	@Test
	void aClosedAgreementIsNotAmended() {
		for (AgreementStatus closed : List.of(AgreementStatus.TERMINATED, AgreementStatus.EXPIRED)) {
			Agreement agreement = AgreementLifecycleTest.in(closed);
			assertThatThrownBy(() -> agreement.amend(endsOn(LocalDate.of(2034, 12, 31)).applyTo(agreement.terms()), "x",
					"a", AMENDED))
				.isInstanceOf(ConflictException.class)
				.hasMessageContaining(closed.name());
		}
	}

	@Test
	void asOfIsTheAgreementAtTheEndOfThatDayInItsTimeZone() {
		Agreement agreement = active();
		agreement.amend(endsOn(LocalDate.of(2034, 12, 31)).applyTo(agreement.terms()), "x", "a", AMENDED);

		// AMENDED, 16:30 UTC, is 23:30 on 6 November in Ho Chi Minh City (UTC+7).
		assertThat(agreement.asOf(LocalDate.of(2012, 11, 6))).hasValueSatisfying((revision) -> {
			assertThat(revision.version()).isEqualTo(3);
			assertThat(revision.state().endsOn()).isEqualTo(LocalDate.of(2034, 12, 31));
		});
		assertThat(agreement.asOf(LocalDate.of(2012, 11, 5))).hasValueSatisfying((revision) -> {
			assertThat(revision.version()).isEqualTo(2);
			assertThat(revision.state().endsOn()).isEqualTo(LocalDate.of(2029, 12, 31));
			assertThat(revision.state().status()).isEqualTo(AgreementStatus.ACTIVE);
		});
		assertThat(agreement.asOf(LocalDate.of(2030, 1, 1)))
			.hasValueSatisfying((revision) -> assertThat(revision.version()).isEqualTo(3));
	}

	@Test
	void beforeItWasSignedThereIsNoAgreementAsOfAndFromThenOnItExistsHoweverLateItWasRecorded() {
		Agreement agreement = active();
		assertThat(agreement.asOf(LocalDate.of(2009, 10, 14))).isEmpty();
		assertThat(agreement.asOf(LocalDate.of(2012, 11, 4))).hasValueSatisfying((revision) -> {
			assertThat(revision.version()).isEqualTo(1);
			assertThat(revision.state().status()).isEqualTo(AgreementStatus.DRAFT);
		});
	}

	@Test
	void addingAndUpdatingACommitmentMakeVersionsCarryingTheFullAgreement() {
		Agreement agreement = active();
		Commitment commitment = conferences();

		CommitmentAdded added = agreement.addCommitment(commitment, "a", AMENDED);
		CommitmentUpdated updated = agreement.updateCommitment(commitment.id(), new CommitmentChanges(null, null, null,
				new TargetInput("CONFERENCES", 3), null, CommitmentStatus.IN_PROGRESS)::applyTo, "a", AMENDED);

		assertThat(added.version()).isEqualTo(3);
		assertThat(added.commitmentId()).isEqualTo(commitment.id());
		assertThat(added.agreement().commitments()).singleElement().satisfies((c) -> {
			assertThat(c.id()).isEqualTo(commitment.id());
			assertThat(c.since()).as("in force from the day it was added, in Ho Chi Minh City")
				.isEqualTo(LocalDate.of(2012, 11, 6));
		});
		assertThat(added.effectiveOn()).isEqualTo(LocalDate.of(2012, 11, 6));
		assertThat(updated.version()).isEqualTo(4);
		assertThat(updated.agreement().commitments()).singleElement().satisfies((c) -> {
			assertThat(c.status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
			assertThat(c.target().perYear()).isEqualTo(3);
			assertThat(c.title().vi()).isEqualTo("Tổ chức hội nghị xúc tiến đầu tư");
		});
		assertThat(agreement.history()).last()
			.satisfies((revision) -> assertThat(revision.changedFields()).containsExactly(
					"commitments[" + commitment.id() + "].target", "commitments[" + commitment.id() + "].status"));
	}

	@Test
	void aCommitmentsResponsiblePartyMustBeAParty() {
		Agreement agreement = active();
		Commitment stranger = new Commitment("c-x", new LocalizedText("Cung cấp thông tin", null), Area.OTHER, "other",
				null, null, CommitmentStatus.OPEN);
		assertThatThrownBy(() -> agreement.addCommitment(stranger, "a", AMENDED))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("party");
		assertThat(agreement.state().commitments()).isEmpty();
	}

	@Test
	void anUnknownCommitmentIsNotFound() {
		Agreement agreement = active();
		assertThatThrownBy(() -> agreement.updateCommitment("nope", (c) -> c, "a", AMENDED))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aClosedAgreementTakesNoNewCommitments() {
		Agreement agreement = AgreementLifecycleTest.in(AgreementStatus.TERMINATED);
		assertThatThrownBy(() -> agreement.addCommitment(conferences(), "a", AMENDED))
			.isInstanceOf(ConflictException.class);
	}

}
