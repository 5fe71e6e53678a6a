package org.coophub.platform.work;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One thread working through what is handed to it, off the callers' threads: when it
 * wakes it takes what waits, up to a batch at a time, so that under load many items share
 * one round trip instead of one each. An item handed over again while it waits is held
 * once. After a failure it stops and hands back the failed batch and everything still
 * waiting: the store or broker is likely away, and each further batch would only wait for
 * its timeout.
 *
 * @param <T> the items
 */
public final class WorkLane<T> implements AutoCloseable {

	private final Set<T> waiting = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final ExecutorService worker;

	private final int batch;

	private final Consumer<List<T>> work;

	private final Failure<T> failed;

	/**
	 * @param name the thread's name
	 * @param batch the most items worked on at once
	 * @param work does the work of a batch; throws when it could not
	 * @param failed takes back what a failure left undone
	 */
	public WorkLane(String name, int batch, Consumer<List<T>> work, Failure<T> failed) {
		this.batch = batch;
		this.work = work;
		this.failed = failed;
		this.worker = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Hands items over; the lane's thread wakes unless it is already working.
	 * @param items the items
	 */
	public void offer(Collection<T> items) {
		if (!items.isEmpty()) {
			this.waiting.addAll(items);
			drainSoon();
		}
	}

	private void drainSoon() {
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.worker.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// closed: what waits is left to whoever recovers it (the caller's store)
				this.draining.set(false);
			}
		}
	}

	private void drain() {
		try {
			List<T> next;
			while (!(next = nextBatch()).isEmpty()) {
				workOrHandBack(next);
			}
		}
		finally {
			this.draining.set(false);
			// what was handed over after the last look but before the flag was lowered
			if (!this.waiting.isEmpty()) {
				drainSoon();
			}
		}
	}

	private List<T> nextBatch() {
		List<T> next = new ArrayList<>();
		Iterator<T> items = this.waiting.iterator();
		while (next.size() < this.batch && items.hasNext()) {
			next.add(items.next());
		}
		this.waiting.removeAll(next);
		return next;
	}

	private void workOrHandBack(List<T> next) {
		try {
			this.work.accept(next);
		}
		catch (RuntimeException ex) {
			List<T> rest = List.copyOf(this.waiting);
			this.waiting.removeAll(rest);
			this.failed.handBack(next, ex, rest);
		}
	}

	@Override
	public void close() {
		this.worker.shutdown();
	}

	/**
	 * What a lane does with the items a failure left undone.
	 *
	 * @param <T> the items
	 */
	@FunctionalInterface
	public interface Failure<T> {

		/**
		 * @param batch the batch that failed
		 * @param failure why
		 * @param waiting what was still waiting, no longer held by the lane
		 */
		void handBack(List<T> batch, RuntimeException failure, List<T> waiting);

	}

}
