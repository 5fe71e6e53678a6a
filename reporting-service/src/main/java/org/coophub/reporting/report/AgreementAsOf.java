package org.coophub.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.Commitment;
import org.coophub.reporting.dashboard.AgreementVersion;

/**
 * An agreement as it stood at the end of one day, from its recorded versions. Every
 * version after the first changes the terms it changed compared with the version before
 * it (a top-level term, or one commitment by id); such a change counts from the version's
 * effective day. So an amendment recorded today but effective in 2012 is part of the
 * agreement of 2012, and a commitment added or marked done today is not, in whatever
 * order they were recorded. A commitment whose {@code since} is after the day is not
 * listed either (without {@code since}, it counts from the agreement's start).
 *
 * @param state the agreement's terms at the end of the day
 * @param version the newest version whose change counts by then (the report's basis)
 * @param effectiveOn the day that version took effect
 * @param lastRecordedAt when the latest of the versions counted was recorded
 */
record AgreementAsOf(AgreementState state, long version, LocalDate effectiveOn, Instant lastRecordedAt) {

	static Optional<AgreementAsOf> of(List<AgreementVersion> versions, LocalDate day) {
		if (versions.isEmpty()) {
			return Optional.empty();
		}
		AgreementVersion first = versions.get(0);
		AgreementState result = first.state();
		AgreementState previous = first.state();
		AgreementVersion basis = first;
		Instant lastRecordedAt = first.recordedAt();
		for (AgreementVersion version : versions.subList(1, versions.size())) {
			if (!version.effectiveOn().isAfter(day)) {
				result = apply(result, previous, version.state());
				basis = version;
				lastRecordedAt = latest(lastRecordedAt, version.recordedAt());
			}
			previous = version.state();
		}
		LocalDate start = result.startsOn();
		List<Commitment> inForce = result.commitments().stream().filter((c) -> inForce(c, start, day)).toList();
		AgreementState asOf = new AgreementState(result.id(), result.code(), result.title(), result.parties(),
				result.signedOn(), result.startsOn(), result.endsOn(), result.timeZone(), result.areas(),
				result.status(), inForce, result.reviewPolicy());
		return Optional.of(new AgreementAsOf(asOf, basis.version(), basis.effectiveOn(), lastRecordedAt));
	}

	private static boolean inForce(Commitment commitment, LocalDate agreementStart, LocalDate day) {
		LocalDate since = (commitment.since() != null) ? commitment.since() : agreementStart;
		return since == null || !since.isAfter(day);
	}

	/** The result with the terms that changed from {@code before} to {@code after}. */
	private static AgreementState apply(AgreementState result, AgreementState before, AgreementState after) {
		return new AgreementState(result.id(), changed(result.code(), before.code(), after.code()),
				changed(result.title(), before.title(), after.title()),
				changed(result.parties(), before.parties(), after.parties()),
				changed(result.signedOn(), before.signedOn(), after.signedOn()),
				changed(result.startsOn(), before.startsOn(), after.startsOn()),
				changed(result.endsOn(), before.endsOn(), after.endsOn()),
				changed(result.timeZone(), before.timeZone(), after.timeZone()),
				changed(result.areas(), before.areas(), after.areas()),
				changed(result.status(), before.status(), after.status()),
				commitments(result.commitments(), before.commitments(), after.commitments()),
				changed(result.reviewPolicy(), before.reviewPolicy(), after.reviewPolicy()));
	}

	private static <T> T changed(T result, T before, T after) {
		return Objects.equals(before, after) ? result : after;
	}

	private static List<Commitment> commitments(List<Commitment> result, List<Commitment> before,
			List<Commitment> after) {
		Map<String, Commitment> kept = byId(result);
		Map<String, Commitment> was = byId(before);
		Map<String, Commitment> is = byId(after);
		is.forEach((id, commitment) -> {
			if (!Objects.equals(was.get(id), commitment)) {
				kept.put(id, commitment);
			}
		});
		was.keySet().stream().filter((id) -> !is.containsKey(id)).forEach(kept::remove);
		return new ArrayList<>(kept.values());
	}

	private static Map<String, Commitment> byId(List<Commitment> commitments) {
		Map<String, Commitment> byId = new LinkedHashMap<>();
		if (commitments != null) {
			commitments.forEach((c) -> byId.put(c.id(), c));
		}
		return byId;
	}

	private static Instant latest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
