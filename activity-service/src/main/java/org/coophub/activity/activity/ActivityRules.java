package org.coophub.activity.activity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coophub.activity.agreement.KnownAgreement;
import org.coophub.activity.agreement.KnownOrganization;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.text.SearchText;

/**
 * What an activity must satisfy against the agreement it is recorded under, as
 * activity-service knows that agreement from its events.
 */
final class ActivityRules {

	private ActivityRules() {
	}

	static void check(ActivityDetails activity, KnownAgreement agreement) {
		if (agreement.status() != AgreementStatus.ACTIVE) {
			throw new RuleViolationException("agreementId",
					"Agreement " + agreement.id() + " is " + agreement.status() + "; activities need an ACTIVE one",
					"activity.agreement.not-active", agreement.id(), String.valueOf(agreement.status()));
		}
		try {
			ZoneId.of(activity.timeZone());
		}
		catch (DateTimeException ex) {
			throw new RuleViolationException("timeZone", "Unknown time zone " + activity.timeZone(),
					"time-zone.unknown", activity.timeZone());
		}
		if (activity.status() == ActivityStatus.CANCELLED) {
			throw new RuleViolationException("status", "A new activity is PLANNED or COMPLETED", "activity.status.new");
		}
		if (!agreement.covers(activity.startsAt().toLocalDate())
				|| !agreement.covers(activity.endsAt().toLocalDate())) {
			throw new RuleViolationException("startsAt", "The activity must take place within the agreement's period",
					"activity.outside-agreement-period");
		}
		checkParticipation(activity, agreement);
	}

	/**
	 * Host, participants and commitments belong to the agreement.
	 * @param activity the activity
	 * @param agreement its agreement
	 */
	static void checkParticipation(ActivityDetails activity, KnownAgreement agreement) {
		if (!agreement.isParty(activity.hostOrganizationId())) {
			throw new RuleViolationException("hostOrganizationId",
					"The host must be a party to the agreement that accepted it", "activity.host-not-party");
		}
		for (int i = 0; i < activity.participantOrganizationIds().size(); i++) {
			if (!agreement.isParty(activity.participantOrganizationIds().get(i))) {
				throw new RuleViolationException("participantOrganizationIds[" + i + "]",
						"Participants must be parties to the agreement that accepted it",
						"activity.participant-not-party");
			}
		}
		for (int i = 0; i < activity.commitmentIds().size(); i++) {
			if (!agreement.commitmentIds().contains(activity.commitmentIds().get(i))) {
				throw new RuleViolationException("commitmentIds[" + i + "]",
						"The commitment is not one of the agreement's", "activity.commitment-not-of-agreement");
			}
		}
	}

	/**
	 * Participating departments must be departments of the host or of a participating
	 * organization. That is judged only when every one of those organizations is known
	 * with its departments: otherwise a department could belong to the one not known.
	 * @param activity the activity
	 * @param known the organizations taking part that activity-service knows
	 * @return the activity, its departments spelt as their organization spells them
	 */
	static ActivityDetails checkDepartments(ActivityDetails activity, List<KnownOrganization> known) {
		List<String> named = activity.participatingDepartments();
		Map<String, KnownOrganization> byId = known.stream()
			.collect(Collectors.toMap(KnownOrganization::id, Function.identity(), (a, b) -> a));
		boolean judgeable = activity.organizationsTakingPart()
			.stream()
			.allMatch((id) -> byId.containsKey(id) && !byId.get(id).departments().isEmpty());
		if (named.isEmpty() || !judgeable) {
			return activity;
		}
		List<String> spelt = new ArrayList<>();
		for (int i = 0; i < named.size(); i++) {
			String folded = SearchText.fold(named.get(i));
			Optional<String> department = activity.organizationsTakingPart()
				.stream()
				.flatMap((id) -> byId.get(id).departments().stream())
				.filter((candidate) -> SearchText.fold(candidate).equals(folded))
				.findFirst();
			if (department.isEmpty()) {
				throw new RuleViolationException("participatingDepartments[" + i + "]",
						"'" + named.get(i) + "' is not a department of the host or of a participating organization",
						"activity.department-unknown", named.get(i));
			}
			spelt.add(department.get());
		}
		return activity.withDepartments(spelt.stream().distinct().toList());
	}

}
