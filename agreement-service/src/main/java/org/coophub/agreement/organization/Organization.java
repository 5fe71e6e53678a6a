package org.coophub.agreement.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.agreement.OrganizationUpdated;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.OutboxDocument;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.RuleViolationException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A party to cooperation programs, e.g. an industrial-zone authority (Ban Quản lý).
 * Listed by code, then id: the order of the index {@code code_id}.
 */
@Document("organizations")
@CompoundIndex(name = "code_id", def = "{'code': 1, '_id': 1}")
public class Organization extends OutboxDocument {

	@Id
	private final String id;

	@Indexed(unique = true)
	private final String code;

	private LocalizedText name;

	private OrganizationKind kind;

	private String province;

	private List<String> departments;

	private List<Contact> contacts;

	private boolean active;

	@PersistenceCreator
	Organization(String id, String code) {
		this.id = id;
		this.code = code;
	}

	static Organization register(String code, LocalizedText name, OrganizationKind kind, String province,
			List<String> departments, List<Contact> contacts) {
		Organization organization = new Organization(UUID.randomUUID().toString(), code);
		organization.name = name;
		organization.kind = kind;
		organization.province = province;
		organization.departments = List.copyOf(departments);
		organization.contacts = List.copyOf(contacts);
		organization.active = true;
		organization.version = 1;
		return organization;
	}

	OrganizationRegistered registered(Instant now) {
		return new OrganizationRegistered(UUID.randomUUID().toString(), now, this.id, this.version, state());
	}

	/**
	 * Applies the changes and makes a new version.
	 * @return the event, or null when nothing changed
	 */
	OrganizationUpdated update(OrganizationChanges changes, List<Contact> newContacts, Instant now) {
		OrganizationState before = state();
		if (changes.name() != null) {
			this.name = changes.name().toText();
		}
		if (changes.kind() != null) {
			this.kind = changes.kind();
		}
		if (changes.province() != null) {
			this.province = changes.province();
		}
		if (changes.departments() != null) {
			this.departments = List.copyOf(changes.departments());
		}
		if (newContacts != null) {
			this.contacts = List.copyOf(newContacts);
		}
		return changedSince(before, now);
	}

	/**
	 * Organizations are never deleted: agreements and their history keep naming them.
	 */
	OrganizationUpdated deactivate(Instant now) {
		if (!this.active) {
			throw new ConflictException("Organization " + this.code + " is already deactivated",
					"organization.already-deactivated", this.code);
		}
		OrganizationState before = state();
		this.active = false;
		return changedSince(before, now);
	}

	boolean active() {
		return this.active;
	}

	private OrganizationUpdated changedSince(OrganizationState before, Instant now) {
		if (before.equals(state())) {
			throw new RuleViolationException(null, "The request changes nothing", "request.changes-nothing");
		}
		this.version++;
		return new OrganizationUpdated(UUID.randomUUID().toString(), now, this.id, this.version, state());
	}

	OrganizationState state() {
		return new OrganizationState(this.id, this.code, this.name, this.kind.name(), this.province, this.departments,
				this.contacts, this.active);
	}

	public String id() {
		return this.id;
	}

}
