package org.coophub.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.coophub.platform.outbox.OutboxRelay.DocumentRef;
import org.coophub.platform.outbox.OutboxRelay.RelayPausedException;

/**
 * One thread publishing the documents handed to it: all that wait at once together, each
 * document's entries in order. After a failure it stops and hands back everything it
 * holds: the broker is likely down, and each further attempt would only wait for its
 * timeout.
 */
class RelayLane implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RelayLane.class);

	private final Set<DocumentRef> waiting = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final ExecutorService worker;

	private final Consumer<List<DocumentRef>> publish;

	private final Consumer<List<DocumentRef>> failed;

	RelayLane(String name, Consumer<List<DocumentRef>> publish, Consumer<List<DocumentRef>> failed) {
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
				List<DocumentRef> batch = List.copyOf(this.waiting);
				this.waiting.removeAll(batch);
				publishOrHandBack(batch);
			}
		}
		finally {
			this.draining.set(false);
			if (!this.waiting.isEmpty() && this.draining.compareAndSet(false, true)) {
				this.worker.execute(this::drain);
			}
		}
	}

	private void publishOrHandBack(List<DocumentRef> batch) {
		try {
			this.publish.accept(batch);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay paused, the poller will retry: {}", ex.getMessage());
			List<DocumentRef> handedBack = new ArrayList<>(
					(ex instanceof RelayPausedException paused) ? paused.unpublished() : batch);
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
