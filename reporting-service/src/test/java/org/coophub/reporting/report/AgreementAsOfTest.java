package org.coophub.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.common.LocalizedText;
import org.coophub.reporting.dashboard.AgreementVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreement as it stood at the end of a day, whatever order its changes were recorded
 * in: each change counts from its own effective day.
 */
class AgreementAsOfTest {

	private static final Commitment CONFERENCES = commitment("c-conf", CommitmentStatus.IN_PROGRESS, null);

	private static final Commitment LATER = commitment("c-later", CommitmentStatus.OPEN, LocalDate.of(2026, 3, 1));

	private static final LocalDate ENDS = LocalDate.of(2014, 10, 15);

	private static final LocalDate EXTENDED = LocalDate.of(2019, 10, 15);

	/**
	 * Created; a commitment added and another marked done in 2026; then an amendment
	 * back-dated to 2012.
	 */
	private final List<AgreementVersion> versions = List.of(
			version(1, LocalDate.of(2009, 10, 15), ENDS, List.of(CONFERENCES)),
			version(2, LocalDate.of(2026, 3, 1), ENDS, List.of(CONFERENCES, LATER)),
			version(3, LocalDate.of(2026, 5, 2), ENDS,
					List.of(commitment("c-conf", CommitmentStatus.DONE, null), LATER)),
			version(4, LocalDate.of(2012, 11, 6), EXTENDED,
					List.of(commitment("c-conf", CommitmentStatus.DONE, null), LATER)));

	@Test
	void atTheEndOf2012OnlyTheBackDatedAmendmentCounts() {
		AgreementAsOf asOf = AgreementAsOf.of(this.versions, LocalDate.of(2012, 12, 31)).orElseThrow();

		assertThat(asOf.state().endsOn()).isEqualTo(EXTENDED);
		assertThat(asOf.state().commitments()).as("the 2026 commitment is not listed, and c-conf is not done yet")
			.containsExactly(CONFERENCES);
		assertThat(asOf.version()).isEqualTo(4);
		assertThat(asOf.effectiveOn()).isEqualTo(LocalDate.of(2012, 11, 6));
	}

	@Test
	void beforeTheAmendmentTookEffectTheAgreementIsAsCreated() {
		AgreementAsOf asOf = AgreementAsOf.of(this.versions, LocalDate.of(2012, 11, 5)).orElseThrow();

		assertThat(asOf.state().endsOn()).isEqualTo(ENDS);
		assertThat(asOf.state().commitments()).containsExactly(CONFERENCES);
		assertThat(asOf.version()).isEqualTo(1);
	}

	@Test
	void todayEveryChangeCounts() {
		AgreementAsOf asOf = AgreementAsOf.of(this.versions, LocalDate.of(2026, 12, 31)).orElseThrow();

		assertThat(asOf.state().endsOn()).isEqualTo(EXTENDED);
		assertThat(asOf.state().commitments()).containsExactly(commitment("c-conf", CommitmentStatus.DONE, null),
				LATER);
		assertThat(asOf.version()).isEqualTo(4);
	}

	@Test
	void aCommitmentSinceALaterDayIsNotListedEvenInAVersionInForce() {
		List<AgreementVersion> one = List.of(version(1, LocalDate.of(2009, 10, 15), ENDS, List.of(CONFERENCES, LATER)));

		assertThat(AgreementAsOf.of(one, LocalDate.of(2012, 12, 31)).orElseThrow().state().commitments())
			.containsExactly(CONFERENCES);
		assertThat(AgreementAsOf.of(List.of(), LocalDate.of(2012, 12, 31))).isEmpty();
	}

	private static AgreementVersion version(long version, LocalDate effectiveOn, LocalDate endsOn,
			List<Commitment> commitments) {
		AgreementState state = new AgreementState("agr-1", "CTHT", new LocalizedText("Chương trình", "Program"),
				List.of(new Party("ld", PartyRole.LEAD), new Party("hcm", PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), endsOn, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, commitments, null);
		return new AgreementVersion("agr-1:" + version, version, "agr-1", effectiveOn,
				Instant.parse("2026-12-01T00:00:00Z").plusSeconds(version), state);
	}

	private static Commitment commitment(String id, CommitmentStatus status, LocalDate since) {
		return new Commitment(id, new LocalizedText(id, id), Area.INVESTMENT_PROMOTION, "hcm", null, null, status,
				since);
	}

}
