package org.coophub.reporting.dashboard;

import java.time.LocalDate;
import java.util.List;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.Party;
import org.coophub.events.common.LocalizedText;

/**
 * The agreement as the dashboard shows it, at the version last applied.
 */
public record AgreementSummary(String code, LocalizedText title, AgreementStatus status, List<Party> parties,
		LocalDate startsOn, LocalDate endsOn, List<Area> areas, List<Commitment> commitments, long version) {

	static AgreementSummary of(AgreementState state, long version) {
		return new AgreementSummary(state.code(), state.title(), state.status(), state.parties(), state.startsOn(),
				state.endsOn(), (state.areas() != null) ? state.areas() : List.of(),
				(state.commitments() != null) ? state.commitments() : List.of(), version);
	}

	@Override
	public List<Commitment> commitments() {
		return (this.commitments != null) ? this.commitments : List.of();
	}

}
