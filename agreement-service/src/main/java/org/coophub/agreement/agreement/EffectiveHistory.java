package org.coophub.agreement.agreement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.Party;

/**
 * The agreement as it stood at the end of a day, by EFFECTIVE date: history is often
 * typed in years after it happened, so the day a change was recorded says nothing about
 * when it applied.
 * <p>
 * The versions effective on or before the day are replayed in effective order (ties by
 * version), each applying only the fields it changed, taken from its snapshot. Replaying
 * field by field, rather than taking the snapshot of the latest-effective version, keeps
 * a back-dated amendment from carrying along what was recorded before it but takes effect
 * later (an activation dated today, a commitment added with effect from next year).
 * Commitments whose {@code since} is after the day are left out. A party's answer
 * (accepted, declined) changes only that party's consent.
 */
final class EffectiveHistory {

	private static final Pattern COMMITMENT_FIELD = Pattern.compile("commitments\\[([^\\]]+)\\].*");

	private static final Pattern CONSENT_FIELD = Pattern.compile("parties\\[([^\\]]+)\\]\\.consent");

	private EffectiveHistory() {
	}

	/**
	 * @return the latest-effective version on or before {@code date}, carrying the
	 * replayed state and the highest version number it includes; empty when the agreement
	 * did not exist yet on that day
	 */
	static Optional<Revision> asOf(List<Revision> history, LocalDate date, ZoneId zone) {
		List<Revision> effective = history.stream()
			.filter((revision) -> !revision.effectiveIn(zone).isAfter(date))
			.sorted(Comparator.comparing((Revision revision) -> revision.effectiveIn(zone))
				.thenComparingLong(Revision::version))
			.toList();
		Optional<Revision> created = effective.stream()
			.filter((revision) -> revision.change() == RevisionKind.CREATED)
			.findFirst();
		if (created.isEmpty()) {
			return Optional.empty();
		}
		AgreementState state = created.get().state();
		long version = created.get().version();
		for (Revision revision : effective) {
			if (revision != created.get()) {
				state = apply(state, revision);
				version = Math.max(version, revision.version());
			}
		}
		return Optional.of(effective.get(effective.size() - 1).withState(version, inForceOn(state, date)));
	}

	private static AgreementState apply(AgreementState s, Revision revision) {
		AgreementState r = revision.state();
		List<String> fields = (revision.changedFields() != null) ? revision.changedFields() : List.of();
		List<Commitment> commitments = new ArrayList<>(commitments(s));
		List<Party> parties = pick(fields, "parties", s.parties(), r.parties());
		for (String field : fields) {
			Matcher commitment = COMMITMENT_FIELD.matcher(field);
			if (commitment.matches()) {
				upsert(commitments, r.commitments(), commitment.group(1));
			}
			Matcher consent = CONSENT_FIELD.matcher(field);
			if (consent.matches()) {
				parties = answered(parties, r.parties(), consent.group(1));
			}
		}
		return new AgreementState(s.id(), s.code(), pick(fields, "title", s.title(), r.title()), parties,
				pick(fields, "signedOn", s.signedOn(), r.signedOn()),
				pick(fields, "startsOn", s.startsOn(), r.startsOn()), pick(fields, "endsOn", s.endsOn(), r.endsOn()),
				pick(fields, "timeZone", s.timeZone(), r.timeZone()), pick(fields, "areas", s.areas(), r.areas()),
				pick(fields, "status", s.status(), r.status()), List.copyOf(commitments),
				pick(fields, "reviewPolicy", s.reviewPolicy(), r.reviewPolicy()));
	}

	/** The commitment as the version left it, in place of the one replayed so far. */
	private static void upsert(List<Commitment> commitments, List<Commitment> snapshot, String id) {
		snapshot.stream().filter((c) -> c.id().equals(id)).findFirst().ifPresent((changed) -> {
			for (int i = 0; i < commitments.size(); i++) {
				if (commitments.get(i).id().equals(id)) {
					commitments.set(i, changed);
					return;
				}
			}
			commitments.add(changed);
		});
	}

	/**
	 * The party's consent as the version left it, the rest of the parties as replayed.
	 */
	private static List<Party> answered(List<Party> parties, List<Party> snapshot, String organizationId) {
		return snapshot.stream()
			.filter((party) -> party.organizationId().equals(organizationId))
			.findFirst()
			.map((answered) -> parties.stream()
				.map((party) -> party.organizationId().equals(organizationId)
						? PartyConsents.with(party, answered.consent()) : party)
				.toList())
			.orElse(parties);
	}

	private static List<Commitment> commitments(AgreementState s) {
		return (s.commitments() != null) ? s.commitments() : List.of();
	}

	private static <T> T pick(List<String> fields, String name, T replayed, T changed) {
		return fields.contains(name) ? changed : replayed;
	}

	private static AgreementState inForceOn(AgreementState s, LocalDate date) {
		List<Commitment> commitments = commitments(s).stream()
			.filter((c) -> c.since() == null || !c.since().isAfter(date))
			.toList();
		return new AgreementState(s.id(), s.code(), s.title(), s.parties(), s.signedOn(), s.startsOn(), s.endsOn(),
				s.timeZone(), s.areas(), s.status(), commitments, s.reviewPolicy());
	}

}
