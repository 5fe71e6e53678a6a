package org.coophub.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyAccepted;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.agreement.PartyDeclined;
import org.coophub.events.agreement.PartyRole;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coophub.events.agreement.PartyConsent.ACCEPTED;
import static org.coophub.events.agreement.PartyConsent.DECLINED;
import static org.coophub.events.agreement.PartyConsent.PENDING;

/**
 * The party-consent rules of the aggregate: who starts accepted, what an amendment keeps,
 * which answers each status takes, and that a draft is not activated before every party
 * has accepted.
 */
class PartyConsentTest {

	static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");

	static final Instant LATER = Instant.parse("2026-12-05T03:00:00Z");

	@Test
	void theCreatorsOrganizationAcceptsByCreatingAndEveryOtherPartyIsAsked() {
		List<Party> parties = List.of(new Party("ld", PartyRole.LEAD), new Party("hcm", PartyRole.PARTNER));

		assertThat(PartyConsents.onCreate(parties, "ld")).extracting(Party::consent).containsExactly(ACCEPTED, PENDING);
		assertThat(PartyConsents.onCreate(parties, null)).as("the secretariat, a script")
			.extracting(Party::consent)
			.containsExactly(PENDING, PENDING);
	}

	@Test
	void anAmendmentKeepsEveryAnswerAndAsksTheNewParty() {
		Agreement agreement = draft(ACCEPTED, DECLINED);

		agreement.amend(
				agreement.terms()
					.withParties(List.of(new Party("ld", PartyRole.LEAD), new Party("hcm", PartyRole.LEAD),
							new Party("dn", PartyRole.OBSERVER, ACCEPTED))),
				"Thêm Ban Quản lý các KCN Đồng Nai", "admin", NOW);

		assertThat(agreement.state().parties()).extracting(Party::organizationId, Party::role, Party::consent)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ld", PartyRole.LEAD, ACCEPTED),
					org.assertj.core.groups.Tuple.tuple("hcm", PartyRole.LEAD, DECLINED),
					org.assertj.core.groups.Tuple.tuple("dn", PartyRole.OBSERVER, PENDING));
	}

	@Test
	void aDraftIsNotActivatedWhileAPartyHasNotAcceptedAndNothingChanges() {
		Agreement agreement = draft(ACCEPTED, PENDING);

		assertThatThrownBy(() -> agreement.activate(NOW)).isInstanceOfSatisfying(AwaitingAcceptanceException.class,
				(ex) -> {
					assertThat(ex.awaitingAcceptance()).containsExactly("hcm");
					assertThat(ex.getMessage()).contains("chưa chấp thuận", "have not accepted", "hcm");
				});
		assertThat(agreement.version()).isEqualTo(1);
		assertThat(agreement.state().status()).isEqualTo(AgreementStatus.DRAFT);

		agreement.accept("hcm", null, "hcm-editor@BQL-HCM", NOW);
		assertThat(agreement.activate(NOW).agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
	}

	@Test
	void aDeclinedPartyAlsoKeepsTheDraftFromBeingActivatedUntilItAccepts() {
		Agreement agreement = draft(ACCEPTED, DECLINED);

		assertThatThrownBy(() -> agreement.activate(NOW)).isInstanceOf(AwaitingAcceptanceException.class);
		agreement.accept("hcm", "Đã được UBND Thành phố đồng ý", "admin", NOW);
		assertThat(agreement.awaitingAcceptance()).isEmpty();
	}

	@Test
	void anAnswerIsANewVersionWithItsHistoryEntryAndTheWholeAgreementInItsEvent() {
		Agreement agreement = draft(PENDING, PENDING);

		PartyDeclined declined = agreement.decline("hcm", "Chưa đủ điều kiện tham gia", "hcm-editor@BQL-HCM", NOW);
		PartyAccepted accepted = agreement.accept("hcm", null, "admin", LATER);

		assertThat(declined.version()).isEqualTo(2);
		assertThat(declined.organizationId()).isEqualTo("hcm");
		assertThat(declined.note()).isEqualTo("Chưa đủ điều kiện tham gia");
		assertThat(declined.actor()).isEqualTo("hcm-editor@BQL-HCM");
		assertThat(declined.agreement().parties()).extracting(Party::consent).containsExactly(PENDING, DECLINED);
		assertThat(accepted.version()).isEqualTo(3);
		assertThat(accepted.agreement().parties()).extracting(Party::consent).containsExactly(PENDING, ACCEPTED);
		assertThat(accepted.occurredAt()).isEqualTo(LATER);

		Revision entry = agreement.history().get(1);
		assertThat(entry.change()).isEqualTo(RevisionKind.PARTY_DECLINED);
		assertThat(entry.actor()).isEqualTo("hcm-editor@BQL-HCM");
		assertThat(entry.at()).isEqualTo(NOW);
		assertThat(entry.note()).isEqualTo("Chưa đủ điều kiện tham gia");
		assertThat(entry.changedFields()).containsExactly("parties[hcm].consent");
		HistoryView shown = HistoryView.of(entry, agreement.zone());
		assertThat(shown.organizationId()).isEqualTo("hcm");
		assertThat(shown.change()).isEqualTo(RevisionKind.PARTY_DECLINED);
		assertThat(HistoryView.of(agreement.history().get(0), agreement.zone()).organizationId()).isNull();
		assertThat(agreement.history().get(2).change()).isEqualTo(RevisionKind.PARTY_ACCEPTED);
	}

	@Test
	void anAnswerThatChangesNothingOrNamesNoPartyIsRefused() {
		Agreement agreement = draft(ACCEPTED, DECLINED);

		assertThatThrownBy(() -> agreement.accept("ld", null, "a", NOW)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("already accepted");
		assertThatThrownBy(() -> agreement.decline("hcm", null, "a", NOW)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("already declined");
		assertThatThrownBy(() -> agreement.accept("dn", null, "a", NOW)).isInstanceOf(NotFoundException.class);
		assertThat(agreement.version()).isEqualTo(1);
	}

	@Test
	void inADraftAnAcceptedPartyMayStillDecline() {
		Agreement agreement = draft(ACCEPTED, PENDING);

		agreement.decline("ld", "Đổi ý", "admin", NOW);

		assertThat(agreement.awaitingAcceptance()).containsExactly("ld", "hcm");
	}

	@Test
	void onARunningAgreementOnlyAPartyAddedLaterAnswersAndAnAcceptedOneCannotWithdraw() {
		Agreement agreement = draft(ACCEPTED, ACCEPTED);
		agreement.activate(NOW);
		agreement.amend(
				agreement.terms()
					.withParties(List.of(new Party("ld", PartyRole.LEAD), new Party("hcm", PartyRole.PARTNER),
							new Party("dn", PartyRole.OBSERVER), new Party("hn", PartyRole.OBSERVER))),
				"Mở rộng chương trình", "admin", NOW);

		assertThatThrownBy(() -> agreement.decline("hcm", null, "a", NOW)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("ACTIVE");
		agreement.decline("dn", null, "a", NOW);
		agreement.accept("dn", "Đồng ý sau khi trao đổi", "a", NOW);
		agreement.accept("hn", null, "a", NOW);
		assertThatThrownBy(() -> agreement.decline("hn", null, "a", NOW)).isInstanceOf(ConflictException.class);
		agreement.transition(Transition.SUSPEND, NOW, "a");
		agreement.amend(agreement.terms()
			.withParties(List.of(new Party("ld", PartyRole.LEAD), new Party("hcm", PartyRole.PARTNER),
					new Party("dn", PartyRole.OBSERVER), new Party("hn", PartyRole.OBSERVER),
					new Party("bd", PartyRole.OBSERVER))),
				"Thêm Bình Dương", "admin", NOW);
		agreement.accept("bd", null, "a", NOW);

		assertThat(agreement.awaitingAcceptance()).isEmpty();
		assertThat(agreement.state().status()).isEqualTo(AgreementStatus.SUSPENDED);
	}

	@ParameterizedTest
	@EnumSource(value = Transition.class, names = { "TERMINATE", "EXPIRE" })
	void aClosedAgreementTakesNoAnswer(Transition closing) {
		Agreement agreement = draft(ACCEPTED, ACCEPTED);
		agreement.activate(NOW);
		agreement.amend(agreement.terms()
			.withParties(List.of(new Party("ld", PartyRole.LEAD), new Party("hcm", PartyRole.PARTNER),
					new Party("dn", PartyRole.OBSERVER))),
				"Thêm Đồng Nai", "admin", NOW);
		agreement.transition(closing, NOW, "system");

		assertThatThrownBy(() -> agreement.accept("dn", null, "a", NOW)).isInstanceOf(ConflictException.class)
			.hasMessageContaining(closing.to().name());
	}

	@Test
	void partiesStoredBeforeConsentExistedReadAsAcceptedAndTheAgreementActivates() {
		Agreement agreement = Agreement.draft(AgreementTest.terms(AgreementTest.policy(List.of("hcm", "ld"), "hcm")));
		agreement.created(NOW, "tester");

		assertThat(agreement.state().parties()).extracting(Party::consent).containsOnlyNulls();
		assertThat(agreement.awaitingAcceptance()).isEmpty();
		assertThat(AgreementView.of(agreement).parties()).extracting(Party::consent).containsOnly(ACCEPTED);
		assertThat(AgreementView.of(agreement).awaitingAcceptance()).isEmpty();
		assertThat(agreement.activate(NOW).agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
		assertThatThrownBy(() -> agreement.accept("hcm", null, "a", NOW)).as("already accepted")
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void anAnswerToADraftTakesEffectWhenTheDraftDoesAndTheDayViewReplaysIt() {
		Agreement agreement = draft(ACCEPTED, PENDING);
		LocalDate signed = LocalDate.of(2009, 10, 15);

		assertThat(agreement.asOf(signed).orElseThrow().state().parties()).extracting(Party::consent)
			.containsExactly(ACCEPTED, PENDING);
		agreement.accept("hcm", null, "admin", NOW);

		assertThat(agreement.history().get(1).effectiveOn()).isEqualTo(signed);
		assertThat(AgreementView.of(agreement.asOf(signed).orElseThrow()).awaitingAcceptance()).isEmpty();
	}

	@Test
	void anAnswerToARunningAgreementTakesEffectTodayAndOnlyThatPartyChangesInTheDayView() {
		Agreement agreement = draft(ACCEPTED, ACCEPTED);
		agreement.activate(NOW);
		agreement.amend(agreement.terms()
			.withParties(List.of(new Party("ld", PartyRole.LEAD), new Party("hcm", PartyRole.PARTNER),
					new Party("dn", PartyRole.OBSERVER))),
				"Thêm Đồng Nai", "admin", NOW);
		agreement.accept("dn", null, "admin", LATER);

		LocalDate today = LocalDate.of(2026, 12, 5);
		assertThat(agreement.history().get(3).effectiveOn()).isEqualTo(today);
		assertThat(AgreementView.of(agreement.asOf(today.minusDays(1)).orElseThrow()).awaitingAcceptance())
			.containsExactly("dn");
		assertThat(AgreementView.of(agreement.asOf(today).orElseThrow()).parties()).extracting(Party::consent)
			.containsExactly(ACCEPTED, ACCEPTED, ACCEPTED);
	}

	@Test
	void theHistoryKindsKeepTheNamesTheyWereStoredWith() {
		assertThat(List.of(RevisionKind.CREATED, RevisionKind.AMENDED, RevisionKind.COMMITMENT_ADDED,
				RevisionKind.COMMITMENT_UPDATED))
			.extracting(RevisionKind::name)
			.containsExactly("CREATED", "AMENDED", "COMMITMENT_ADDED", "COMMITMENT_UPDATED");
		for (Transition transition : Transition.values()) {
			assertThat(RevisionKind.of(transition).name()).isEqualTo(transition.name());
		}
	}

	/** A draft signed on 2009-10-15 between ld and hcm with these answers. */
	private static Agreement draft(PartyConsent ld, PartyConsent hcm) {
		AgreementTerms terms = AgreementTest.terms(AgreementTest.policy(List.of("hcm", "ld"), "hcm"));
		Agreement agreement = Agreement.draft(terms
			.withParties(List.of(new Party("ld", PartyRole.LEAD, ld), new Party("hcm", PartyRole.PARTNER, hcm))));
		agreement.created(NOW, "tester");
		return agreement;
	}

}
