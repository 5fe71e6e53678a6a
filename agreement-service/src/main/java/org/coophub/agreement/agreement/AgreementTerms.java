package org.coophub.agreement.agreement;

import java.time.LocalDate;
import java.util.List;

import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;

/**
 * What the partners signed, already checked for form.
 */
record AgreementTerms(String code, LocalizedText title, List<Party> parties, LocalDate signedOn, LocalDate startsOn,
		LocalDate endsOn, String timeZone, List<Area> areas, List<Commitment> commitments, ReviewPolicy reviewPolicy) {

	AgreementTerms withParties(List<Party> next) {
		return new AgreementTerms(this.code, this.title, next, this.signedOn, this.startsOn, this.endsOn, this.timeZone,
				this.areas, this.commitments, this.reviewPolicy);
	}

	AgreementTerms withCommitments(List<Commitment> next) {
		return new AgreementTerms(this.code, this.title, this.parties, this.signedOn, this.startsOn, this.endsOn,
				this.timeZone, this.areas, next, this.reviewPolicy);
	}

}
