package org.coophub.platform.outbox;

/**
 * Sends one outbox entry and returns only once the broker has acknowledged it.
 */
public interface EventSender {

	/**
	 * Sends the entry synchronously.
	 * @param entry the event to send
	 * @throws RuntimeException when the broker did not acknowledge the entry
	 */
	void send(OutboxEntry entry);

}
