package org.coophub.agreement.organization;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.coophub.events.agreement.Contact;

/**
 * A contact as the API shows it, with the field names it is written with ({@code notify},
 * {@code digest}).
 */
record ContactView(String name, String email, String phone, String department, String role, String language,
		@JsonProperty("notify") boolean receivesNotifications, @JsonProperty("digest") boolean dailyDigest) {

	static ContactView of(Contact contact) {
		return new ContactView(contact.name(), contact.email(), contact.phone(), contact.department(), contact.role(),
				contact.language(), contact.receivesNotifications(), contact.dailyDigest());
	}

}
