package org.coophub.events.agreement;

/**
 * Whether an organization named as a party has agreed to be one. Only a party's own
 * EDITOR (or an ADMIN) can accept or decline; the organization that created the agreement
 * accepts by creating it.
 */
public enum PartyConsent {

	/** Named, not yet answered: its contacts are neither shown nor mailed. */
	PENDING,

	/** Agreed to be a party. */
	ACCEPTED,

	/** Refused: the agreement cannot be activated while it names this party. */
	DECLINED

}
