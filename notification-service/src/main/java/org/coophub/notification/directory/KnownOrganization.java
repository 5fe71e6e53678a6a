package org.coophub.notification.directory;

import java.util.List;

import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.projection.Versioned;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organization and its contacts, as agreement-events told notification-service.
 */
@Document("known_organizations")
public record KnownOrganization(@Id String id, long version, String code, LocalizedText name,
		List<Contact> contacts) implements Versioned {

	static KnownOrganization of(OrganizationState state, long version) {
		return new KnownOrganization(state.id(), version, state.code(), state.name(), state.contacts());
	}

	public List<Contact> recipients() {
		return this.contacts.stream().filter(Contact::receivesNotifications).toList();
	}

}
