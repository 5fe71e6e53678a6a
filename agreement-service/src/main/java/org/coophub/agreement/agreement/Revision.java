package org.coophub.agreement.agreement;

import java.time.Instant;
import java.util.List;

import org.coophub.events.agreement.AgreementState;

/**
 * One version of an agreement as it stood after a change: who made the change, when, what
 * kind of change, which fields it touched and why.
 */
record Revision(long version, Instant at, String actor, String change, List<String> changedFields, String note,
		AgreementState state) {
}
