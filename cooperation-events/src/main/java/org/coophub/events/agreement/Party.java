package org.coophub.events.agreement;

/**
 * An organization taking part in an agreement.
 *
 * @param organizationId the organization
 * @param role its role
 * @param consent whether it has agreed to be a party; absent in events written before
 * consent existed, read as {@link PartyConsent#ACCEPTED} (those parties were signed up on
 * paper)
 */
public record Party(String organizationId, PartyRole role, PartyConsent consent) {

	/** A party as events before consent existed carried it. */
	public Party(String organizationId, PartyRole role) {
		this(organizationId, role, null);
	}

	/** The consent, with the absent value of older events read as accepted. */
	public PartyConsent consentOrAccepted() {
		return (this.consent != null) ? this.consent : PartyConsent.ACCEPTED;
	}

	/** Whether its contacts may be shown to the other parties and mailed. */
	public boolean accepted() {
		return consentOrAccepted() == PartyConsent.ACCEPTED;
	}

}
