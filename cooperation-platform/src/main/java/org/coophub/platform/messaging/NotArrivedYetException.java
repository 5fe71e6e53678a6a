package org.coophub.platform.messaging;

/**
 * A record refers to something whose own event, on another topic, has not arrived yet.
 * Topics are not ordered with each other, so this is a wait, not a failure: the
 * {@link EventRouter} parks the record ({@link ParkedEvents}) and routes it again until
 * the other event is in, instead of using up the binding's attempts and dead-lettering
 * it.
 */
public class NotArrivedYetException extends RuntimeException {

	public NotArrivedYetException(String what) {
		super("Not known yet: " + what);
	}

}
