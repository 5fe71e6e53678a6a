package org.coophub.agreement.agreement;

import java.time.Clock;
import java.util.List;

import org.coophub.agreement.organization.OrganizationService;
import org.coophub.events.agreement.Party;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

@Service
class AgreementService {

	private final Agreements agreements;

	private final OrganizationService organizations;

	private final OutboxWriter outbox;

	private final Clock clock;

	AgreementService(Agreements agreements, OrganizationService organizations, OutboxWriter outbox, Clock clock) {
		this.agreements = agreements;
		this.organizations = organizations;
		this.outbox = outbox;
		this.clock = clock;
	}

	Agreement create(AgreementTerms terms) {
		AgreementRules.check(terms);
		List<String> unknown = this.organizations
			.unknownAmong(terms.parties().stream().map(Party::organizationId).toList());
		if (!unknown.isEmpty()) {
			throw new RuleViolationException("parties", "Unknown organizations: " + String.join(", ", unknown));
		}
		if (this.agreements.existsByCode(terms.code())) {
			throw new ConflictException("An agreement with code " + terms.code() + " already exists");
		}
		Agreement agreement = Agreement.draft(terms);
		return this.outbox.save(agreement, agreement.created(this.clock.instant()));
	}

	Agreement activate(String id) {
		Agreement agreement = get(id);
		return this.outbox.save(agreement, agreement.activate(this.clock.instant()));
	}

	Agreement get(String id) {
		return this.agreements.findById(id).orElseThrow(() -> new NotFoundException("Agreement", id));
	}

	Page<Agreement> list(Pageable pageable) {
		return this.agreements.findAll(pageable);
	}

}
