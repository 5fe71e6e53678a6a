package org.coophub.agreement.agreement;

import java.time.DateTimeException;
import java.time.Month;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.platform.problem.RuleViolationException;

/**
 * The rules an agreement's terms must satisfy, whatever the organizations stored.
 */
final class AgreementRules {

	private AgreementRules() {
	}

	static void check(AgreementTerms terms) {
		checkZone("timeZone", terms.timeZone());
		if (terms.startsOn().isBefore(terms.signedOn())) {
			throw new RuleViolationException("startsOn", "The agreement cannot start before it is signed",
					"agreement.starts-before-signed");
		}
		if (terms.endsOn() != null && !terms.endsOn().isAfter(terms.startsOn())) {
			throw new RuleViolationException("endsOn", "The agreement must end after it starts",
					"agreement.ends-before-start");
		}
		Set<String> parties = new HashSet<>();
		for (Party party : terms.parties()) {
			if (!parties.add(party.organizationId())) {
				throw new RuleViolationException("parties",
						"Organization " + party.organizationId() + " is a party twice", "agreement.party-twice",
						party.organizationId());
			}
		}
		for (int i = 0; i < terms.commitments().size(); i++) {
			Commitment commitment = terms.commitments().get(i);
			if (commitment.responsibleOrganizationId() != null
					&& !parties.contains(commitment.responsibleOrganizationId())) {
				throw new RuleViolationException("commitments[" + i + "].responsibleOrganizationId",
						"The responsible organization must be a party to the agreement",
						"agreement.commitment.responsible-not-party");
			}
			if (commitment.since() != null && commitment.since().isBefore(terms.signedOn())) {
				throw new RuleViolationException("commitments[" + i + "].effectiveOn",
						"A commitment cannot take effect before the agreement was signed on " + terms.signedOn(),
						"agreement.commitment.since-before-signed", terms.signedOn().toString());
			}
			TargetRules.check(commitment.target(), terms, "commitments[" + i + "].target");
		}
		checkReviewPolicy(terms.reviewPolicy(), parties);
	}

	private static void checkReviewPolicy(ReviewPolicy policy, Set<String> parties) {
		checkZone("reviewPolicy.timeZone", policy.timeZone());
		if (policy.day() > Month.of(policy.month()).maxLength()) {
			throw new RuleViolationException("reviewPolicy.day",
					Month.of(policy.month()) + " has no day " + policy.day(), "agreement.review.no-such-day",
					String.valueOf(policy.month()), String.valueOf(policy.day()));
		}
		List<String> rotation = policy.hostRotation();
		if (new HashSet<>(rotation).size() != rotation.size()) {
			throw new RuleViolationException("reviewPolicy.hostRotation", "An organization appears twice",
					"agreement.review.host-twice");
		}
		if (!parties.containsAll(rotation)) {
			throw new RuleViolationException("reviewPolicy.hostRotation",
					"Every host in the rotation must be a party to the agreement", "agreement.review.host-not-party");
		}
		if (policy.lastHostOrganizationId() != null && !rotation.contains(policy.lastHostOrganizationId())) {
			throw new RuleViolationException("reviewPolicy.lastHostOrganizationId",
					"The last host must be in the host rotation", "agreement.review.last-host-not-in-rotation");
		}
		if (policy.reminderLeadDays().stream().anyMatch((days) -> days == null || days <= 0)) {
			throw new RuleViolationException("reviewPolicy.reminderLeadDays", "Lead days must be positive",
					"agreement.review.lead-days-positive");
		}
		if (new HashSet<>(policy.reminderLeadDays()).size() != policy.reminderLeadDays().size()) {
			throw new RuleViolationException("reviewPolicy.reminderLeadDays", "Lead days must be distinct",
					"agreement.review.lead-days-distinct");
		}
	}

	private static void checkZone(String field, String zone) {
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new RuleViolationException(field, "Unknown time zone " + zone, "time-zone.unknown", zone);
		}
	}

}
