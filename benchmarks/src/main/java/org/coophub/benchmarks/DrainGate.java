package org.coophub.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits until every service has applied everything published on every topic it reads, so
 * what a phase measures never includes an earlier phase's backlog: the runs and the
 * phases are independent without restarting the stack.
 */
final class DrainGate {

	/**
	 * Topic → the consumer groups reading it, as the services' bindings declare them
	 * ({@code <service>/src/main/resources/application.yml}).
	 */
	static final Map<String, List<String>> CONSUMERS = consumers();

	private DrainGate() {
	}

	/**
	 * @return milliseconds waited until every group's backlog on every topic was zero, or
	 * -1 if one was not within the time
	 */
	static long await(String bootstrapServers, Duration timeout) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		List<LagMonitor> monitors = new ArrayList<>();
		try {
			CONSUMERS.forEach((topic, groups) -> monitors
				.add(new LagMonitor(bootstrapServers, topic, groups, Duration.ofMillis(100))));
			// one topic after another: a drained topic stays drained unless a later one's
			// consumer publishes to it, and only notification-events is published that
			// way, by a consumer of the topics before it
			for (LagMonitor monitor : monitors) {
				if (monitor.awaitDrained(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) < 0) {
					return -1;
				}
			}
			return (System.nanoTime() - start) / 1_000_000;
		}
		finally {
			monitors.forEach(LagMonitor::close);
		}
	}

	private static Map<String, List<String>> consumers() {
		Map<String, List<String>> consumers = new LinkedHashMap<>();
		consumers.put("agreement-events", List.of("activity-service", "reporting-service", "notification-service"));
		consumers.put("activity-events", List.of("reporting-service", "notification-service"));
		consumers.put("report-events", List.of("notification-service"));
		consumers.put("notification-events", List.of("reporting-service"));
		return consumers;
	}

}
