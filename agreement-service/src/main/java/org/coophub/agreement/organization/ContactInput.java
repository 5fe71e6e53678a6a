package org.coophub.agreement.organization;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.coophub.events.agreement.Contact;
import org.coophub.platform.web.PlainText;

/**
 * A contact as typed in. Contacts are usually a department or a role, not a named person.
 *
 * @param receivesNotifications {@code notify}: whether the contact gets the program's
 * e-mail; true when absent
 * @param dailyDigest {@code digest}: whether activity notices come as one mail a day
 * instead of one each; false when absent
 */
record ContactInput(@NotBlank @Size(max = 200) @PlainText String name, @NotBlank @Email @Size(max = 254) String email,
		@Size(max = 32) @PlainText String phone, @Size(max = 200) @PlainText String department,
		@Size(max = 200) @PlainText String role,
		@Pattern(regexp = "vi|en", message = "{contact.language.pattern}") String language,
		@JsonProperty("notify") Boolean receivesNotifications, @JsonProperty("digest") Boolean dailyDigest) {

	Contact toContact() {
		return new Contact(this.name.strip(), this.email.strip().toLowerCase(java.util.Locale.ROOT), this.phone,
				this.department, this.role, (this.language != null) ? this.language : "vi",
				this.receivesNotifications == null || this.receivesNotifications,
				Boolean.TRUE.equals(this.dailyDigest));
	}

}
