package org.coophub.reporting.dashboard;

import java.util.List;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Party;
import org.coophub.events.common.LocalizedText;

/**
 * The agreement as the dashboard shows it, at the version last applied.
 */
record AgreementSummary(String code, LocalizedText title, AgreementStatus status, List<Party> parties, long version) {

	static AgreementSummary of(AgreementState state, long version) {
		return new AgreementSummary(state.code(), state.title(), state.status(), state.parties(), version);
	}

}
