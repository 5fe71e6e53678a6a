package org.coophub.activity.activity;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.coophub.activity.agreement.KnownAgreement;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.platform.problem.RuleViolationException;

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
					"Agreement " + agreement.id() + " is " + agreement.status() + "; activities need an ACTIVE one");
		}
		try {
			ZoneId.of(activity.timeZone());
		}
		catch (DateTimeException ex) {
			throw new RuleViolationException("timeZone", "Unknown time zone " + activity.timeZone());
		}
		if (activity.status() == ActivityStatus.CANCELLED) {
			throw new RuleViolationException("status", "A new activity is PLANNED or COMPLETED");
		}
		if (!agreement.covers(activity.startsAt().toLocalDate())
				|| !agreement.covers(activity.endsAt().toLocalDate())) {
			throw new RuleViolationException("startsAt", "The activity must take place within the agreement's period");
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
			throw new RuleViolationException("hostOrganizationId", "The host must be a party to the agreement");
		}
		for (int i = 0; i < activity.participantOrganizationIds().size(); i++) {
			if (!agreement.isParty(activity.participantOrganizationIds().get(i))) {
				throw new RuleViolationException("participantOrganizationIds[" + i + "]",
						"Participants must be parties to the agreement");
			}
		}
		for (int i = 0; i < activity.commitmentIds().size(); i++) {
			if (!agreement.commitmentIds().contains(activity.commitmentIds().get(i))) {
				throw new RuleViolationException("commitmentIds[" + i + "]",
						"The commitment is not one of the agreement's");
			}
		}
	}

}
