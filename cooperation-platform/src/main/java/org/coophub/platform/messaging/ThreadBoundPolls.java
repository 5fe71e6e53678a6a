package org.coophub.platform.messaging;

import java.util.List;

/**
 * A {@link EventRouter.PollScope} whose poll belongs to the consumer thread working
 * through it: the handlers that thread runs find the poll with {@link #current()};
 * anywhere else (a parked record routed again, another binding's thread) there is none,
 * and they write at once. Each batch binding runs on its own thread, so one instance
 * serves several bindings.
 *
 * @param <P> what a poll keeps until it is written
 */
public abstract class ThreadBoundPolls<P> implements EventRouter.PollScope {

	private final ThreadLocal<P> open = new ThreadLocal<>();

	/**
	 * @param keys the poll's records' Kafka keys, in order (null for a record without
	 * one)
	 * @return a new poll
	 */
	protected abstract P newPoll(List<String> keys);

	/**
	 * Writes what the poll kept.
	 * @param poll the poll
	 */
	protected abstract void write(P poll);

	/**
	 * @return the poll the calling thread works through, or null outside one
	 */
	protected final P current() {
		return this.open.get();
	}

	@Override
	public final void open(List<String> keys) {
		this.open.set(newPoll(keys));
	}

	@Override
	public final void write() {
		write(this.open.get());
	}

	@Override
	public final void close() {
		this.open.remove();
	}

}
