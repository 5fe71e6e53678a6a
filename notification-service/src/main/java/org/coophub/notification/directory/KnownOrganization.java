package org.coophub.notification.directory;

import java.util.List;
import java.util.Optional;

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
public record KnownOrganization(@Id String id, long version, String code, LocalizedText name, List<Contact> contacts,
		Boolean active) implements Versioned {

	static KnownOrganization of(OrganizationState state, long version) {
		return new KnownOrganization(state.id(), version, state.code(), state.name(),
				(state.contacts() != null) ? state.contacts() : List.of(), state.active());
	}

	/**
	 * The contacts who receive the program's mail; none once the organization is
	 * deactivated.
	 * @return the recipients
	 */
	public List<Contact> recipients() {
		if (Boolean.FALSE.equals(this.active) || this.contacts == null) {
			return List.of();
		}
		return this.contacts.stream().filter(Contact::receivesNotifications).toList();
	}

	/**
	 * The recipient with the given address, if it still receives mail.
	 * @param email the address, in any case
	 * @return the contact
	 */
	public Optional<Contact> recipient(String email) {
		return recipients().stream().filter((c) -> c.email().equalsIgnoreCase(email)).findFirst();
	}

}
