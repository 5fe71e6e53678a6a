package org.coophub.notification.notification;

import java.util.Optional;

/**
 * Renders a notification planned without its content (review reminders) at the moment it
 * is sent.
 */
public interface MailComposer {

	/**
	 * Renders the mail.
	 * @param notification the claimed notification
	 * @return the mail, or empty if it should no longer be sent (the recipient left, the
	 * review moved)
	 */
	Optional<RenderedMail> compose(Notification notification);

}
