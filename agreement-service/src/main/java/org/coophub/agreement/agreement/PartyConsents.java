package org.coophub.agreement.agreement;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyConsent;

/**
 * Whether each organization named in an agreement has agreed to be a party: nobody is
 * bound by an agreement another organization typed in until its own EDITOR (or the
 * secretariat) accepts. A party stored before consent existed reads as accepted.
 */
final class PartyConsents {

	private PartyConsents() {
	}

	/**
	 * The parties of a new agreement: the creator's own organization agrees by creating
	 * it, every other party is asked.
	 * @param creatorOrganizationId the creator's organization, or null for a creator
	 * without one (the secretariat, a script), who leaves every party pending
	 */
	static List<Party> onCreate(List<Party> parties, String creatorOrganizationId) {
		return parties.stream()
			.map((party) -> with(party,
					party.organizationId().equals(creatorOrganizationId) ? PartyConsent.ACCEPTED
							: PartyConsent.PENDING))
			.toList();
	}

	/**
	 * The parties after an amendment: those already named keep their answer (an amendment
	 * changes terms, not who agreed), those it adds are asked.
	 */
	static List<Party> onAmend(List<Party> before, List<Party> after) {
		Map<String, Party> current = before.stream()
			.collect(Collectors.toMap(Party::organizationId, Function.identity(), (first, second) -> first));
		return after.stream().map((party) -> {
			Party known = current.get(party.organizationId());
			return with(party, (known != null) ? known.consent() : PartyConsent.PENDING);
		}).toList();
	}

	/** The ids of the parties that have not accepted, in the parties' order. */
	static List<String> awaiting(List<Party> parties) {
		return (parties != null)
				? parties.stream().filter((party) -> !party.accepted()).map(Party::organizationId).toList() : List.of();
	}

	/** The parties as shown: an absent consent (stored before it existed) as accepted. */
	static List<Party> shown(List<Party> parties) {
		return (parties != null) ? parties.stream().map((party) -> with(party, party.consentOrAccepted())).toList()
				: List.of();
	}

	/**
	 * How a history entry names the party whose answer it records;
	 * {@link EffectiveHistory} replays that party's consent from it.
	 */
	static String consentField(String organizationId) {
		return "parties[" + organizationId + "].consent";
	}

	/**
	 * The party whose answer a history entry records, or null for any other change.
	 */
	static String answeredBy(Revision revision) {
		if (revision.change() != RevisionKind.PARTY_ACCEPTED && revision.change() != RevisionKind.PARTY_DECLINED) {
			return null;
		}
		return revision.changedFields()
			.stream()
			.filter((field) -> field.startsWith("parties[") && field.endsWith("].consent"))
			.map((field) -> field.substring("parties[".length(), field.length() - "].consent".length()))
			.findFirst()
			.orElse(null);
	}

	static Party with(Party party, PartyConsent consent) {
		return new Party(party.organizationId(), party.role(), consent);
	}

}
