package org.coophub.reporting.dashboard;

import java.util.List;

import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.events.common.LocalizedText;

/**
 * A party the agreement names that has not accepted it: the dashboard shows it as
 * awaiting acceptance ("Chờ chấp thuận" / "Awaiting acceptance").
 *
 * @param organizationId the organization
 * @param name its name, if known
 * @param consent {@code PENDING} (not answered yet) or {@code DECLINED}
 */
public record AwaitingParty(String organizationId, LocalizedText name, PartyConsent consent) {

	/**
	 * The parties of an agreement that have not accepted it, in the agreement's order.
	 * @param agreement the agreement, or null while it has not arrived
	 * @param names the organizations' names
	 * @return the parties awaiting acceptance; empty when all accepted (parties of events
	 * written before consent existed count as accepted)
	 */
	static List<AwaitingParty> of(AgreementSummary agreement, Names names) {
		if (agreement == null || agreement.parties() == null) {
			return List.of();
		}
		return agreement.parties()
			.stream()
			.filter((party) -> !party.accepted())
			.map((party) -> new AwaitingParty(party.organizationId(), names.of(party.organizationId()),
					party.consentOrAccepted()))
			.toList();
	}

	/**
	 * The ids of the parties of an agreement that have not accepted it.
	 * @param agreement the agreement, or null
	 * @return their ids
	 */
	static List<String> ids(AgreementSummary agreement) {
		if (agreement == null || agreement.parties() == null) {
			return List.of();
		}
		return agreement.parties().stream().filter((party) -> !party.accepted()).map(Party::organizationId).toList();
	}

}
