package org.coophub.benchmarks;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coophub.benchmarks.RunResult.Measurement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrowthTest {

	@Test
	void eachFigureIsSetBesideItselfWithATenthStoredAndTheLargestRatioIsJudged() {
		Growth growth = new Growth();
		RunResult tenth = growth.atTenth(10_000);
		tenth.measure("scale.activities.list.p99", "list p99", "ms", 8);
		tenth.measure("pipeline.at100.cpu.total", "CPU per activity", "ms", 10);
		// not a figure of the rule: left alone
		tenth.measure("pipeline.max-sustained-rate", "rate", "activities/s", 200);
		RunResult all = new RunResult();
		all.measure("scale.activities.list.p99", "list p99", "ms", 10);
		all.measure("pipeline.at100.cpu.total", "CPU per activity", "ms", 17);
		all.measure("pipeline.max-sustained-rate", "rate", "activities/s", 100);

		growth.compare(all);

		Map<String, Measurement> figures = all.measurements()
			.stream()
			.collect(Collectors.toMap(Measurement::key, Function.identity()));
		assertThat(figures.get("growth.scale.activities.list.p99").value()).isEqualTo(1.25);
		assertThat(figures.get("at-tenth.pipeline.at100.cpu.total").value()).isEqualTo(10);
		assertThat(figures.get("at-tenth.pipeline.at100.cpu.total").label()).endsWith("with 10000 activities stored");
		assertThat(figures.get("growth.largest").value()).isEqualTo(1.7);
		assertThat(figures).doesNotContainKey("growth.pipeline.max-sustained-rate");
		assertThat(all.reasons().get("growth.largest")).startsWith("CPU per activity: 10.0 → 17.0 ms");
		assertThat(Target.ALL).anyMatch((target) -> target.metricKey().equals("growth.largest")
				&& target.judge(Stats.Spread.of(java.util.List.of(1.7))) == Target.Verdict.MISSED);
	}

	@Test
	void withoutACheckpointNothingIsAdded() {
		RunResult all = new RunResult();
		all.measure("scale.activities.list.p99", "list p99", "ms", 10);
		new Growth().compare(all);
		assertThat(all.measurements()).hasSize(1);
	}

}
