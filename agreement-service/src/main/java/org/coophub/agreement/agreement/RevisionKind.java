package org.coophub.agreement.agreement;

/**
 * What kind of change made a version of an agreement. Stored by name in each history
 * entry: the names are those the entries were written with before this enum existed (the
 * transitions' names among them), so they must never be renamed.
 */
enum RevisionKind {

	CREATED, AMENDED, COMMITMENT_ADDED, COMMITMENT_UPDATED,

	/** The status transitions, named like {@link Transition}. */
	ACTIVATE, SUSPEND, RESUME, TERMINATE, EXPIRE, RENEW,

	/** A party's answer to being named ({@code changedFields} names which party). */
	PARTY_ACCEPTED, PARTY_DECLINED;

	static RevisionKind of(Transition transition) {
		return valueOf(transition.name());
	}

}
