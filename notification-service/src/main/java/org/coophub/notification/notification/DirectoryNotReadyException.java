package org.coophub.notification.notification;

/**
 * An event refers to an agreement or organization whose own event has not arrived yet;
 * the binder retries the record until it has.
 */
class DirectoryNotReadyException extends RuntimeException {

	DirectoryNotReadyException(String what) {
		super("Not known yet: " + what);
	}

}
