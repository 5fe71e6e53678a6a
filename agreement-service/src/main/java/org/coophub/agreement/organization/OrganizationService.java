package org.coophub.agreement.organization;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coophub.events.agreement.Contact;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.paging.ListPaging;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.security.OrganizationScope;
import org.coophub.platform.web.Versions;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

@Service
public class OrganizationService {

	/**
	 * Organizations are listed by their code, which has a unique index, at most 200 a
	 * page; checked by the controller before anything is read.
	 */
	static final ListPaging PAGING = new ListPaging(Map.of("code", "code"), Sort.by("code"));

	private final Organizations organizations;

	private final OutboxWriter outbox;

	private final Clock clock;

	OrganizationService(Organizations organizations, OutboxWriter outbox, Clock clock) {
		this.organizations = organizations;
		this.outbox = outbox;
		this.clock = clock;
	}

	Organization register(OrganizationInput input) {
		OrganizationScope.requireAdmin("registering an organization");
		if (this.organizations.existsByCode(input.code())) {
			throw new ConflictException("An organization with code " + input.code() + " already exists",
					"organization.code-taken", input.code());
		}
		List<Contact> contacts = contacts(input.contactsOrEmpty());
		Organization organization = Organization.register(input.code(), input.name().toText(), input.kind(),
				input.province(), input.departmentsOrEmpty(), contacts);
		return this.outbox.save(organization, organization.registered(this.clock.instant()));
	}

	Organization update(String id, OrganizationChanges changes, String ifMatch) {
		OrganizationScope.requireWriteFor(List.of(id), this::idOfCode, "this organization");
		Organization organization = get(id);
		Versions.requireMatch(ifMatch, organization.version());
		List<Contact> contacts = (changes.contacts() != null) ? contacts(changes.contacts()) : null;
		return this.outbox.save(organization, organization.update(changes, contacts, this.clock.instant()));
	}

	Organization deactivate(String id, String ifMatch) {
		OrganizationScope.requireAdmin("deactivating an organization");
		Organization organization = get(id);
		Versions.requireMatch(ifMatch, organization.version());
		return this.outbox.save(organization, organization.deactivate(this.clock.instant()));
	}

	/**
	 * The id of the organization with the given code, as a signed-in user's token names
	 * it.
	 * @param code the code
	 * @return the id, if there is such an organization
	 */
	public Optional<String> idOfCode(String code) {
		return this.organizations.findByCode(code).map(Organization::id);
	}

	Organization get(String id) {
		return this.organizations.findById(id).orElseThrow(() -> new NotFoundException("Organization", id));
	}

	/**
	 * @param page a page {@link #PAGING} has checked
	 * @return organizations by code
	 */
	Page<Organization> list(Pageable page) {
		return this.organizations.findAll(page);
	}

	/**
	 * The ids that name no registered, active organization: agreements may only bind
	 * those that are.
	 */
	public List<String> unknownAmong(List<String> ids) {
		return ids.stream()
			.filter((id) -> this.organizations.findById(id).map((o) -> !o.active()).orElse(true))
			.toList();
	}

	/** Contacts as stored: an e-mail address names one contact of an organization. */
	private static List<Contact> contacts(List<ContactInput> inputs) {
		List<Contact> contacts = inputs.stream().map(ContactInput::toContact).toList();
		Set<String> emails = new HashSet<>();
		for (int i = 0; i < contacts.size(); i++) {
			if (!emails.add(contacts.get(i).email())) {
				throw new RuleViolationException("contacts[" + i + "].email",
						"E-mail " + contacts.get(i).email() + " is used by another contact of this organization",
						"organization.contact-email-twice", contacts.get(i).email());
			}
		}
		return contacts;
	}

}
