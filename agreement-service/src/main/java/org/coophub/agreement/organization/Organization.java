package org.coophub.agreement.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationRegistered;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.outbox.OutboxDocument;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A party to cooperation programs, e.g. an industrial-zone authority (Ban Quản lý).
 */
@Document("organizations")
public class Organization extends OutboxDocument {

	@Id
	private final String id;

	@Indexed(unique = true)
	private final String code;

	private LocalizedText name;

	private String kind;

	private String province;

	private List<String> departments;

	private List<Contact> contacts;

	private boolean active;

	@PersistenceCreator
	Organization(String id, String code) {
		this.id = id;
		this.code = code;
	}

	static Organization register(String code, LocalizedText name, String kind, String province,
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

	OrganizationState state() {
		return new OrganizationState(this.id, this.code, this.name, this.kind, this.province, this.departments,
				this.contacts, this.active);
	}

	public String id() {
		return this.id;
	}

}
