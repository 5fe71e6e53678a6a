package org.coophub.reporting.dashboard;

import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.common.LocalizedText;

/**
 * A party of the agreement with its name as pages show it.
 *
 * @param consent whether it accepted to be a party: {@code PENDING}, {@code ACCEPTED} or
 * {@code DECLINED}; parties of events written before consent existed are ACCEPTED
 */
public record PartyView(String organizationId, PartyRole role, LocalizedText name, PartyConsent consent) {

	static PartyView of(Party party, Names names) {
		return new PartyView(party.organizationId(), party.role(), names.of(party.organizationId()),
				party.consentOrAccepted());
	}

}
