package org.coophub.benchmarks;

import java.util.List;

/**
 * A goal from issues 9 and 17, judged on the median over the runs.
 */
record Target(String name, String metricKey, boolean atLeast, double threshold, String unit) {

	/** Issue 17: every MongoDB command of every service for one activity, in all. */
	static final double MONGO_COMMANDS_PER_ACTIVITY = 8;

	static final List<Target> ALL = List.of(
			new Target("activities/s sustained end to end", "pipeline.max-sustained-rate", true, 1000, "activities/s"),
			new Target("p99 event-to-dashboard at 100 activities/s", "pipeline.at100.reporting.p99", false, 100, "ms"),
			new Target("MongoDB commands per activity, all services (at 100/s)", "pipeline.at100.mongo.total", false,
					MONGO_COMMANDS_PER_ACTIVITY, "commands"),
			new Target("dashboard p99 at 100,000 activities", "scale.dashboard.agreement.p99", false, 50, "ms"),
			new Target("rebuild of 100,000 activities", "scale.rebuild.seconds", false, 60, "s"), new Target(
					"heap of each service (largest used, any service)", "memory.heap.max-used-mb", false, 256, "MB"));

	Verdict judge(Stats.Spread spread) {
		if (spread == null || spread.runs() == 0) {
			return Verdict.NOT_MEASURED;
		}
		boolean met = this.atLeast ? spread.median() >= this.threshold : spread.median() <= this.threshold;
		return met ? Verdict.MET : Verdict.MISSED;
	}

	String goal() {
		return (this.atLeast ? "≥ " : "≤ ") + MarkdownReport.number(this.threshold) + " " + this.unit;
	}

	enum Verdict {

		MET("met"), MISSED("missed"), NOT_MEASURED("not measured");

		private final String text;

		Verdict(String text) {
			this.text = text;
		}

		String text() {
			return this.text;
		}

	}

}
