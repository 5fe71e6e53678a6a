package org.coophub.agreement.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.coophub.events.agreement.AgreementState;

/**
 * One version of an agreement as it stood after a change: who made the change, when it
 * was recorded ({@code at}), from which day it takes effect, what kind of change, which
 * fields it touched and why.
 *
 * @param effectiveOn the day the change takes effect in the agreement's time zone; absent
 * in versions stored before it existed, which take effect the day they were recorded
 */
record Revision(long version, Instant at, LocalDate effectiveOn, String actor, RevisionKind change,
		List<String> changedFields, String note, AgreementState state) {

	/**
	 * The day this change takes effect, reading a version stored without one as effective
	 * the day it was recorded.
	 */
	LocalDate effectiveIn(ZoneId zone) {
		return (this.effectiveOn != null) ? this.effectiveOn : LocalDate.ofInstant(this.at, zone);
	}

	boolean changesStatus() {
		return this.change == RevisionKind.CREATED || this.changedFields.contains("status");
	}

	Revision withState(long version, AgreementState state) {
		return new Revision(version, this.at, this.effectiveOn, this.actor, this.change, this.changedFields, this.note,
				state);
	}

}
