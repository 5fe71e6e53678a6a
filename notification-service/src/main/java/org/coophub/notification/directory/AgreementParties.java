package org.coophub.notification.directory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An agreement with what a notice about it needs of its parties, read in one command
 * ({@link Directory#withParties(String)}): the organizations it names, with their
 * contacts, and when each party accepted it.
 *
 * @param agreement the agreement
 * @param organizations the organizations it names that notification-service knows, by id
 * @param acceptedAt the moment of each party's latest acceptance, for those that accepted
 * after being named, by organization id
 */
public record AgreementParties(KnownAgreement agreement, Map<String, KnownOrganization> organizations,
		Map<String, Instant> acceptedAt) {

	/**
	 * @param organizationId an organization the agreement names
	 * @return it, if known
	 */
	public Optional<KnownOrganization> organization(String organizationId) {
		return Optional.ofNullable(this.organizations.get(organizationId));
	}

	/**
	 * As {@link Directory#toldOf(KnownAgreement, String, Instant)}, without a read.
	 * @param organizationId the party
	 * @param at when it happened
	 * @return true if its contacts are to be told
	 */
	public boolean toldOf(String organizationId, Instant at) {
		Instant since = this.acceptedAt.get(organizationId);
		return this.agreement.accepted(organizationId) && (since == null || at == null || !since.isAfter(at));
	}

}
