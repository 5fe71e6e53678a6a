package org.coophub.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import static org.awaitility.Awaitility.await;

/**
 * The MongoDB commands this service sent, by command name and collection
 * ({@code "update portfolio"}), as Spring Boot's {@code MongoMetricsCommandListener}
 * counts them (Micrometer timer {@code mongodb.driver.commands}): what one event costs is
 * the difference of two snapshots. Read from the registry, not by a query, so measuring
 * sends no command of its own.
 */
public final class MongoCommandCounts {

	private MongoCommandCounts() {
	}

	/**
	 * Every command counted so far.
	 * @param registry the service's registry
	 * @return the counts by {@code "<command> <collection>"}
	 */
	public static Map<String, Long> snapshot(MeterRegistry registry) {
		Map<String, Long> counts = new TreeMap<>();
		for (Timer timer : registry.find("mongodb.driver.commands").timers()) {
			String key = timer.getId().getTag("command") + " " + timer.getId().getTag("collection");
			counts.merge(key, timer.count(), Long::sum);
		}
		return counts;
	}

	/**
	 * The commands sent since a snapshot.
	 * @param registry the service's registry
	 * @param before the earlier snapshot
	 * @return the counts that grew, by how much
	 */
	public static Map<String, Long> since(MeterRegistry registry, Map<String, Long> before) {
		Map<String, Long> grown = new TreeMap<>();
		snapshot(registry).forEach((key, count) -> {
			long more = count - before.getOrDefault(key, 0L);
			if (more > 0) {
				grown.put(key, more);
			}
		});
		return grown;
	}

	/**
	 * Waits until the work is done and then no further command came for one poll interval
	 * (leaving out the pollers'), so the asynchronous tail of the work (a relay's update
	 * once Kafka acknowledged) is counted too.
	 * @param registry the service's registry
	 * @param before the snapshot taken before the work
	 * @param background the keys pollers running on their own send to
	 * @param done whether the work is done (must not query MongoDB)
	 * @return the commands since the snapshot, the pollers' left out
	 */
	public static Map<String, Long> settled(MeterRegistry registry, Map<String, Long> before,
			Predicate<String> background, BooleanSupplier done) {
		List<Map<String, Long>> last = new ArrayList<>();
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
			Map<String, Long> now = without(since(registry, before), background);
			boolean quiet = !last.isEmpty() && now.equals(last.get(0)) && done.getAsBoolean();
			last.clear();
			last.add(now);
			return quiet ? now : null;
		}, Objects::nonNull);
	}

	/**
	 * Of several measurements of the same work, the one with the fewest commands: what
	 * pollers or a lost race add to one of them is not what the work costs.
	 * @param measurements the commands of each
	 * @return the cheapest
	 */
	public static Map<String, Long> cheapest(List<Map<String, Long>> measurements) {
		return measurements.stream().min(Comparator.comparingLong(MongoCommandCounts::total)).orElseThrow();
	}

	/**
	 * Leaves out what pollers running on their own send meanwhile.
	 * @param commands the commands counted
	 * @param background whether a key belongs to a poller
	 * @return the rest
	 */
	public static Map<String, Long> without(Map<String, Long> commands, Predicate<String> background) {
		Map<String, Long> rest = new TreeMap<>(commands);
		rest.keySet().removeIf(background);
		return rest;
	}

	public static long total(Map<String, Long> commands) {
		return commands.values().stream().mapToLong(Long::longValue).sum();
	}

}
