package org.coophub.platform.messaging;

/**
 * A record no retry can help: unknown type or malformed JSON. It goes straight to the
 * dead-letter topic.
 */
public class UnreadableEventException extends RuntimeException {

	public UnreadableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
