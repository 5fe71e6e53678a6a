package org.coophub.systemtests.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Conferences posted one after another, paced, from a thread of their own, while a
 * scenario breaks something. Remembers which were accepted (201) and how the others were
 * answered.
 */
final class ActivityLoad implements AutoCloseable {

	private final Program program;

	private final String agreement;

	private final String tag;

	private final long pauseMillis;

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private final Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Thread thread;

	private ActivityLoad(Program program, String agreement, String tag, int perSecond) {
		this.program = program;
		this.agreement = agreement;
		this.tag = tag;
		this.pauseMillis = 1000L / perSecond;
		this.thread = new Thread(this::run, "load-" + tag);
	}

	static ActivityLoad start(Program program, String agreement, String tag, int perSecond) {
		ActivityLoad load = new ActivityLoad(program, agreement, tag, perSecond);
		load.thread.start();
		return load;
	}

	private void run() {
		int n = 0;
		while (this.running.get()) {
			String title = this.tag + "-" + (++n);
			int status = this.program.recordConference(this.agreement, title).status();
			if (status == 201) {
				this.accepted.add(title);
			}
			else {
				this.refused.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
			}
			try {
				Thread.sleep(this.pauseMillis);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	int acceptedCount() {
		return this.accepted.size();
	}

	/** Stops posting and waits for the request in flight. */
	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		this.thread.join();
	}

	List<String> accepted() {
		return List.copyOf(this.accepted);
	}

	/** How many requests got each status other than 201; 0 is a refused connection. */
	Map<Integer, Integer> refused() {
		Map<Integer, Integer> counts = new java.util.TreeMap<>();
		this.refused.forEach((status, count) -> counts.put(status, count.get()));
		return counts;
	}

}
