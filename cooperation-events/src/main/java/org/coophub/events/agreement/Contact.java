package org.coophub.events.agreement;

/**
 * A department or role of an organization that receives the program's mail.
 *
 * @param language {@code vi} or {@code en}: the language of what the contact reads
 * @param receivesNotifications whether the contact gets the program's e-mail
 * @param dailyDigest whether activity notices reach the contact as one daily digest
 * instead of one mail each (review reminders are always sent on their own); absent in
 * events written before it existed, read as {@code false}
 */
public record Contact(String name, String email, String phone, String department, String role, String language,
		boolean receivesNotifications, boolean dailyDigest) {

	/**
	 * A contact that gets each activity notice on its own.
	 */
	public Contact(String name, String email, String phone, String department, String role, String language,
			boolean receivesNotifications) {
		this(name, email, phone, department, role, language, receivesNotifications, false);
	}

}
