package org.coophub.agreement.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.coophub.agreement.organization.OrganizationService;
import org.coophub.events.agreement.AgreementStatusChanged;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.paging.ListPage;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.security.OrganizationScope;
import org.coophub.platform.web.Versions;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

@Service
class AgreementService {

	private final Agreements agreements;

	private final AgreementSearch search;

	private final OrganizationService organizations;

	private final AgreementPeriods periods;

	private final OutboxWriter outbox;

	private final Clock clock;

	AgreementService(Agreements agreements, AgreementSearch search, OrganizationService organizations,
			AgreementPeriods periods, OutboxWriter outbox, Clock clock) {
		this.agreements = agreements;
		this.search = search;
		this.organizations = organizations;
		this.periods = periods;
		this.outbox = outbox;
		this.clock = clock;
	}

	Agreement create(AgreementTerms terms, String actor) {
		requireParty(terms);
		AgreementRules.check(terms);
		requireKnownParties(terms);
		this.periods.requireUnique(null, terms);
		Agreement agreement = Agreement
			.draft(terms.withParties(PartyConsents.onCreate(terms.parties(), creatorOrganizationId())));
		return this.outbox.save(agreement, agreement.created(this.clock.instant(), actor));
	}

	/**
	 * Changes the status as asked. If-Match is required like on every update: a status
	 * change decided on a stale read (say, suspending a program someone has just amended)
	 * must be made again knowingly.
	 */
	Agreement transition(String id, Transition transition, TransitionInput input, String ifMatch, String actor) {
		Agreement agreement = get(id);
		requireParty(agreement.terms());
		Versions.requireMatch(ifMatch, agreement.version());
		return this.outbox.save(agreement, agreement.transition(transition, input, this.clock.instant(), actor));
	}

	Agreement renew(String id, RenewInput input, String ifMatch, String actor) {
		Agreement agreement = get(id);
		requireParty(agreement.terms());
		Versions.requireMatch(ifMatch, agreement.version());
		AgreementStatusChanged renewed = agreement.renew(input.endsOn(), input.note(), input.effectiveOn(),
				this.clock.instant(), actor);
		this.periods.requireUnique(id, agreement.terms());
		return this.outbox.save(agreement, renewed);
	}

	Agreement amend(String id, AgreementChanges changes, String ifMatch, String actor) {
		Agreement agreement = get(id);
		requireParty(agreement.terms());
		Versions.requireMatch(ifMatch, agreement.version());
		AgreementTerms terms = changes.applyTo(agreement.terms());
		requireParty(terms);
		if (changes.parties() != null) {
			requireKnownParties(terms);
		}
		this.periods.requireUnique(id, terms);
		return this.outbox.save(agreement,
				agreement.amend(terms, changes.note(), changes.effectiveOn(), actor, this.clock.instant()));
	}

	Agreement addCommitment(String id, AgreementInput.CommitmentInput input, String ifMatch, String actor) {
		Agreement agreement = get(id);
		requireParty(agreement.terms());
		Versions.requireMatch(ifMatch, agreement.version());
		Commitment commitment = input.toCommitment();
		return this.outbox.save(agreement, agreement.addCommitment(commitment, actor, this.clock.instant()));
	}

	Agreement updateCommitment(String id, String commitmentId, CommitmentChanges changes, String ifMatch,
			String actor) {
		Agreement agreement = get(id);
		requireParty(agreement.terms());
		Versions.requireMatch(ifMatch, agreement.version());
		return this.outbox.save(agreement,
				agreement.updateCommitment(commitmentId, changes::applyTo, actor, this.clock.instant()));
	}

	/**
	 * A party's answer to being named: accepted or declined by an EDITOR of that very
	 * organization, or by the secretariat (ADMIN) on its behalf. Who may answer is
	 * checked before whether the organization is a party, so that another organization's
	 * EDITOR learns nothing from a 404.
	 */
	Agreement answer(String id, String organizationId, PartyConsent answer, String note, String ifMatch, String actor) {
		Agreement agreement = get(id);
		OrganizationScope.requireWriteFor(List.of(organizationId), this.organizations::idOfCode,
				"party " + organizationId + "'s answer");
		agreement.party(organizationId);
		Versions.requireMatch(ifMatch, agreement.version());
		return this.outbox.save(agreement,
				(answer == PartyConsent.ACCEPTED) ? agreement.accept(organizationId, note, actor, this.clock.instant())
						: agreement.decline(organizationId, note, actor, this.clock.instant()));
	}

	Agreement get(String id) {
		return this.agreements.findById(id).orElseThrow(() -> new NotFoundException("Agreement", id));
	}

	Revision asOf(String id, LocalDate date) {
		Agreement agreement = get(id);
		return agreement.asOf(date)
			.orElseThrow(() -> new NotFoundException("Agreement", id + " on " + date + " (it did not exist yet)"));
	}

	ListPage<Agreement> list(AgreementFilter filter, Pageable pageable) {
		return this.search.find(filter, pageable);
	}

	/** An EDITOR changes only agreements their organization is party to. */
	private void requireParty(AgreementTerms terms) {
		OrganizationScope.requireWriteFor(terms.parties().stream().map(Party::organizationId).toList(),
				this.organizations::idOfCode, "this agreement");
	}

	/**
	 * The organization of the user creating an agreement, which agrees by creating it;
	 * null for the secretariat and scripts, which have none.
	 */
	private String creatorOrganizationId() {
		return Actors.current().map(Actor::organizationCode).flatMap(this.organizations::idOfCode).orElse(null);
	}

	private void requireKnownParties(AgreementTerms terms) {
		List<String> unknown = this.organizations
			.unknownAmong(terms.parties().stream().map(Party::organizationId).toList());
		if (!unknown.isEmpty()) {
			throw new RuleViolationException("parties", "Unknown organizations: " + String.join(", ", unknown),
					"agreement.unknown-parties", String.join(", ", unknown));
		}
	}

}
