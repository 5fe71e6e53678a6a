package org.coophub.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.coophub.platform.outbox.OutboxRelay.DocumentRef;

/**
 * One thread publishing the documents handed to it, one at a time. After a failure it
 * stops and hands back everything it holds: the broker is likely down, and each further
 * attempt would only wait for its timeout.
 */
class RelayLane implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RelayLane.class);

	private final Set<DocumentRef> waiting = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final ExecutorService worker;

	private final ToIntFunction<DocumentRef> publish;

	private final Consumer<List<DocumentRef>> failed;

	RelayLane(String name, ToIntFunction<DocumentRef> publish, Consumer<List<DocumentRef>> failed) {
		this.publish = publish;
		this.failed = failed;
		this.worker = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	void offer(DocumentRef ref) {
		this.waiting.add(ref);
		if (this.draining.compareAndSet(false, true)) {
			this.worker.execute(this::drain);
		}
	}

	private void drain() {
		try {
			while (!this.waiting.isEmpty()) {
				for (DocumentRef ref : List.copyOf(this.waiting)) {
					this.waiting.remove(ref);
					publishOrHandBack(ref);
				}
			}
		}
		finally {
			this.draining.set(false);
			if (!this.waiting.isEmpty() && this.draining.compareAndSet(false, true)) {
				this.worker.execute(this::drain);
			}
		}
	}

	private void publishOrHandBack(DocumentRef ref) {
		try {
			this.publish.applyAsInt(ref);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay paused, the poller will retry: {}", ex.getMessage());
			List<DocumentRef> handedBack = new ArrayList<>(List.of(ref));
			handedBack.addAll(this.waiting);
			this.waiting.removeAll(handedBack);
			this.failed.accept(handedBack);
		}
	}

	@Override
	public void close() {
		this.worker.shutdown();
	}

}
