package org.coophub.events.agreement;

/**
 * A department or role of an organization that receives the program's mail.
 *
 * @param language {@code vi} or {@code en}: the language of what the contact reads
 * @param receivesNotifications whether the contact gets the program's e-mail
 */
public record Contact(String name, String email, String phone, String department, String role, String language,
		boolean receivesNotifications) {
}
