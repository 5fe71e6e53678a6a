package org.coophub.agreement.organization;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.coophub.events.agreement.Contact;

/**
 * A contact as the API shows it, with the field names it is written with ({@code notify},
 * {@code digest}).
 */
record ContactView(String name, String email, String phone, String department, String role, String language,
		@JsonProperty("notify") boolean receivesNotifications, @JsonProperty("digest") boolean dailyDigest) {

	/** Shown to readers whose organization is not party to an agreement with this one. */
	ContactView withoutEmail() {
		return new ContactView(this.name, null, this.phone, this.department, this.role, this.language,
				this.receivesNotifications, this.dailyDigest);
	}

	static ContactView of(Contact contact) {
		return new ContactView(contact.name(), contact.email(), contact.phone(), contact.department(), contact.role(),
				contact.language(), contact.receivesNotifications(), contact.dailyDigest());
	}

}
