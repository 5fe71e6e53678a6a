package org.coophub.reporting.dashboard;

import java.time.Instant;
import java.time.LocalDate;

import org.coophub.events.agreement.AgreementState;
import org.coophub.platform.projection.Versioned;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.data.annotation.Id;

/**
 * One state of an agreement as an agreement event left it, with the day it took effect,
 * kept so that a report can be computed from the agreement as it stood at the end of a
 * past period. Written once per version (the id names the version), so a redelivery
 * changes nothing.
 *
 * @param id {@code agreementId:version}
 * @param version the agreement's version
 * @param agreementId the agreement
 * @param effectiveOn the day this version took effect, in the agreement's time zone
 * @param recordedAt when it was recorded (the event's time)
 * @param state the agreement's full state at this version
 */
public record AgreementVersion(@Id String id, long version, String agreementId, LocalDate effectiveOn,
		Instant recordedAt, AgreementState state) implements Versioned {

	/**
	 * A version that took effect on the day its event says, or else on the day it was
	 * recorded, in the agreement's time zone, or the program's for an agreement that
	 * names none (events written before effective dates existed carry none).
	 */
	static AgreementVersion of(AgreementState state, long version, LocalDate effectiveOn, Instant recordedAt,
			ProgramZone programZone) {
		LocalDate effective = (effectiveOn != null) ? effectiveOn
				: recordedAt.atZone(programZone.or(state.timeZone())).toLocalDate();
		return new AgreementVersion(state.id() + ":" + version, version, state.id(), effective, recordedAt, state);
	}

	/**
	 * The agreement as created: in force from its start (or signing, if earlier), however
	 * long after that it was entered, so history entered later has a state to start from.
	 */
	static AgreementVersion created(AgreementState state, long version, Instant recordedAt, ProgramZone programZone) {
		LocalDate start = earliest(state.signedOn(), state.startsOn());
		return of(state, version, start, recordedAt, programZone);
	}

	private static LocalDate earliest(LocalDate a, LocalDate b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isBefore(b)) ? a : b;
	}

}
