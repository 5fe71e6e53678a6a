package org.coophub.benchmarks;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class StatsTest {

	private final List<Integer> oneToHundred = IntStream.rangeClosed(1, 100).boxed().toList();

	@Test
	void percentilesAreNearestRankValuesThatWereObserved() {
		assertThat(Stats.percentile(this.oneToHundred, 50)).isEqualTo(50);
		assertThat(Stats.percentile(this.oneToHundred, 95)).isEqualTo(95);
		assertThat(Stats.percentile(this.oneToHundred, 99)).isEqualTo(99);
		assertThat(Stats.percentile(this.oneToHundred, 100)).isEqualTo(100);
		assertThat(Stats.percentile(List.of(7, 3, 9), 99)).isEqualTo(9);
		assertThat(Stats.percentile(List.of(42), 1)).isEqualTo(42);
	}

	@Test
	void noSamplesGiveNaNAndABadPercentileIsRefused() {
		assertThat(Stats.percentile(List.of(), 99)).isNaN();
		assertThat(Stats.median(List.of())).isNaN();
		assertThatIllegalArgumentException().isThrownBy(() -> Stats.percentile(this.oneToHundred, 0));
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(Stats.median(List.of(5, 1, 3))).isEqualTo(3);
		assertThat(Stats.median(List.of(4, 1, 3, 2))).isEqualTo(2.5);
	}

	@Test
	void spreadOverRunsIgnoresRunsThatMeasuredNothing() {
		Stats.Spread spread = Stats.Spread.of(List.of(120.0, Double.NaN, 80.0, 100.0));
		assertThat(spread).isEqualTo(new Stats.Spread(80, 100, 120, 3));
		assertThat(Stats.Spread.of(List.of(Double.NaN)).runs()).isZero();
	}

	@Test
	void heapIsSummedOverHeapPoolsFromPrometheusText() {
		ProcessSampler.ServiceMetrics metrics = ProcessSampler.ServiceMetrics
			.parse("""
					# HELP jvm_memory_used_bytes The amount of used memory
					jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
					jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.097152E7
					jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
					jvm_gc_live_data_size_bytes 1.5E7
					jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 3
					jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.25
					""");
		assertThat(metrics.used()).isEqualTo(31_457_280L);
		assertThat(metrics.liveAfterGc()).isEqualTo(15_000_000L);
		assertThat(metrics.gcPauseSeconds()).isEqualTo(0.25);
		assertThat(metrics.collectors()).containsExactly("G1 Young Generation");
	}

	@Test
	void mongoCommandsAreSummedByCommandOverCollectionsStatusesAndServers() {
		ProcessSampler.ServiceMetrics metrics = ProcessSampler.ServiceMetrics
			.parse("""
					# TYPE mongodb_driver_commands_seconds summary
					mongodb_driver_commands_seconds_count{cluster_id="c1",collection="activities",command="insert",server_address="localhost:27017",status="SUCCESS"} 120
					mongodb_driver_commands_seconds_sum{cluster_id="c1",collection="activities",command="insert",server_address="localhost:27017",status="SUCCESS"} 0.9
					mongodb_driver_commands_seconds_count{cluster_id="c1",collection="outbox",command="insert",server_address="localhost:27017",status="SUCCESS"} 30
					mongodb_driver_commands_seconds_count{cluster_id="c1",collection="activities",command="findAndModify",server_address="localhost:27017",status="FAILED"} 2
					mongodb_driver_commands_seconds_count{cluster_id="c1",collection="activities",command="findAndModify",server_address="localhost:27017",status="SUCCESS"} 8
					""");
		assertThat(metrics.mongoCommands()).containsExactly(entry("findAndModify", 10.0), entry("insert", 150.0));
		assertThat(metrics.mongoCommandsTotal()).isEqualTo(160.0);
		assertThat(metrics.liveAfterGc()).isEqualTo(-1);
	}

}
