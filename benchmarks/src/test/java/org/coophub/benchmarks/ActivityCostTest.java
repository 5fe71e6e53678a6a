package org.coophub.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ActivityCostTest {

	private static final String JVM = MeasuredStack.EMBEDDED_JVM;

	@Test
	void cpuAndCommandsBetweenTwoSnapshotsAreDividedByTheActivities() {
		ProcessSampler.Snapshot before = snapshot(Map.of("reporting-service", 1_000L, JVM, 5_000L),
				Map.of("reporting-service", Map.of("update", 100.0, "find", 50.0)));
		// 600 ticks (6 s) of reporting-service and 1,200 (12 s) of the infrastructure
		// for 1,000 activities; 3,000 updates, one new bulkWrite, no more finds
		ProcessSampler.Snapshot after = snapshot(Map.of("reporting-service", 1_600L, JVM, 6_200L),
				Map.of("reporting-service", Map.of("update", 3_100.0, "find", 50.0, "bulkWrite", 1.0)));

		ActivityCost cost = ActivityCost.between(before, after, 1_000);

		assertThat(cost.cpuMillis()).containsEntry("reporting-service", 6.0).containsEntry(JVM, 12.0);
		assertThat(cost.totalCpuMillis()).isEqualTo(18.0);
		assertThat(cost.mongoCommands()).containsOnlyKeys("reporting-service");
		assertThat(cost.totalMongoCommands()).isCloseTo(3.001, within(1e-9));
		assertThat(cost.mongoByCommand().get("reporting-service")).containsOnlyKeys("update", "bulkWrite");
		assertThat(cost.mongoRow(100)).containsEntry("rate /s", 100)
			.containsEntry("activities", 1_000L)
			.containsEntry("reporting-service", 3.0)
			.containsEntry("total", 3.0);
		assertThat(cost.cpuRow(100)).containsEntry(JVM, 12.0)
			.containsEntry("total", 18.0)
			.doesNotContainKey(ActivityCost.LOAD_GENERATOR);
		assertThat(cost.loadGeneratorMillis()).isNaN();
		List<Map<String, Object>> byCommand = cost.byCommandRows();
		assertThat(byCommand).extracting((row) -> row.get("command")).containsExactly("bulkWrite", "update");
		assertThat(byCommand.get(1)).containsEntry("reporting-service", 3.0).containsEntry("total", 3.0);
	}

	@Test
	void theLoadGeneratorThreadsOfTheBenchmarkJvmAreCountedApartAndLeftOutOfTheTotal() {
		ProcessSampler.Snapshot before = snapshot(Map.of("activity-service", 0L, JVM, 1_000L), Map.of(), 300);
		// 1,000 ticks (10 s) of the benchmark JVM for 100 activities, 400 of them (4 s)
		// its load generator's
		ProcessSampler.Snapshot after = snapshot(Map.of("activity-service", 500L, JVM, 2_000L), Map.of(), 700);

		ActivityCost cost = ActivityCost.between(before, after, 100);

		assertThat(cost.cpuMillis()).containsOnlyKeys("activity-service", ActivityCost.EMBEDDED_INFRASTRUCTURE)
			.containsEntry(ActivityCost.EMBEDDED_INFRASTRUCTURE, 60.0)
			.containsEntry("activity-service", 50.0);
		assertThat(cost.loadGeneratorMillis()).isEqualTo(40.0);
		assertThat(cost.totalCpuMillis()).isEqualTo(110.0);
		assertThat(cost.cpuRow(100)).containsEntry(ActivityCost.LOAD_GENERATOR, 40.0).containsEntry("total", 110.0);
	}

	@Test
	void theMainThreadAndTheNamedClientThreadsAreTheLoadGenerator() {
		assertThat(ProcessSampler.isLoadGenerator("main")).isTrue();
		assertThat(ProcessSampler.isLoadGenerator("benchmark-http")).isTrue();
		assertThat(ProcessSampler.isLoadGenerator("HttpClient-1-SelectorManager")).isTrue();
		assertThat(ProcessSampler.isLoadGenerator("lag-monitor-poll")).isTrue();
		assertThat(ProcessSampler.isLoadGenerator("kafka-admin-client-thread | adminclient-3")).isTrue();
		assertThat(ProcessSampler.isLoadGenerator("data-plane-kafka-request-handler-0")).isFalse();
		assertThat(ProcessSampler.isLoadGenerator("mail-viewer")).isFalse();
		assertThat(ProcessSampler.isLoadGenerator("maintenance")).isFalse();
		assertThat(ProcessSampler.loadGeneratorTicks()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void withoutActivitiesOrAnEarlierCountThereIsNoFigure() {
		ProcessSampler.Snapshot before = snapshot(Map.of("activity-service", 100L), Map.of());
		ProcessSampler.Snapshot after = snapshot(Map.of("activity-service", 200L),
				Map.of("activity-service", Map.of("insert", 10.0)));

		ActivityCost none = ActivityCost.between(before, after, 0);
		assertThat(none.cpuMillis().get("activity-service")).isNaN();

		ActivityCost unread = ActivityCost.between(before, after, 10);
		assertThat(unread.cpuMillis()).containsEntry("activity-service", 100.0);
		assertThat(unread.mongoCommands().get("activity-service")).isNaN();
		assertThat(unread.totalMongoCommands()).isNaN();
	}

	@Test
	void aTotalAboveEightCommandsMissesTheTarget() {
		Target target = Target.ALL.stream()
			.filter((t) -> t.metricKey().equals("pipeline.at100.mongo.total"))
			.findFirst()
			.orElseThrow();
		assertThat(target.goal()).isEqualTo("≤ 8 commands");
		assertThat(target.judge(Stats.Spread.of(List.of(7.5, 8.0, 9.1)))).isEqualTo(Target.Verdict.MET);
		assertThat(target.judge(Stats.Spread.of(List.of(8.2)))).isEqualTo(Target.Verdict.MISSED);
	}

	private static ProcessSampler.Snapshot snapshot(Map<String, Long> ticks,
			Map<String, Map<String, Double>> mongoCommands) {
		return snapshot(ticks, mongoCommands, -1);
	}

	private static ProcessSampler.Snapshot snapshot(Map<String, Long> ticks,
			Map<String, Map<String, Double>> mongoCommands, long loadGeneratorTicks) {
		Map<String, Long> pids = new LinkedHashMap<>();
		ticks.keySet().forEach((name) -> pids.put(name, 1L));
		return new ProcessSampler.Snapshot(0, pids, new LinkedHashMap<>(ticks), 0, 0, mongoCommands,
				loadGeneratorTicks);
	}

}
