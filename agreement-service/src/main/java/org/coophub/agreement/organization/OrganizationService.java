package org.coophub.agreement.organization;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.coophub.events.agreement.Contact;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

@Service
public class OrganizationService {

	private final Organizations organizations;

	private final OutboxWriter outbox;

	private final Clock clock;

	OrganizationService(Organizations organizations, OutboxWriter outbox, Clock clock) {
		this.organizations = organizations;
		this.outbox = outbox;
		this.clock = clock;
	}

	Organization register(OrganizationInput input) {
		if (this.organizations.existsByCode(input.code())) {
			throw new ConflictException("An organization with code " + input.code() + " already exists");
		}
		List<Contact> contacts = input.contactsOrEmpty().stream().map(ContactInput::toContact).toList();
		Set<String> emails = new HashSet<>();
		for (int i = 0; i < contacts.size(); i++) {
			if (!emails.add(contacts.get(i).email())) {
				throw new RuleViolationException("contacts[" + i + "].email",
						"E-mail " + contacts.get(i).email() + " is used by another contact of this organization");
			}
		}
		Organization organization = Organization.register(input.code(), input.name().toText(), input.kind(),
				input.province(), input.departmentsOrEmpty(), contacts);
		return this.outbox.save(organization, organization.registered(this.clock.instant()));
	}

	Organization get(String id) {
		return this.organizations.findById(id).orElseThrow(() -> new NotFoundException("Organization", id));
	}

	Page<Organization> list(Pageable pageable) {
		return this.organizations.findAll(pageable);
	}

	/**
	 * Whether every id names a registered organization: agreements may only bind those.
	 */
	public List<String> unknownAmong(List<String> ids) {
		return ids.stream().filter((id) -> !this.organizations.existsById(id)).toList();
	}

}
