package org.coophub.benchmarks;

import java.util.List;

/**
 * A target of issue 17, judged on the median over the runs.
 */
record Target(String name, String metricKey, boolean atLeast, double threshold, String unit) {

	/** Issue 17: every MongoDB command of every service for one activity, in all. */
	static final double MONGO_COMMANDS_PER_ACTIVITY = 8;

	/** Issue 17: a figure at 100,000 activities against the same at 10,000. */
	static final double GROWTH = 1.5;

	/**
	 * Every target of issue 17, in its order, with the data of {@link Preload} stored.
	 */
	static final List<Target> ALL = List.of(
			new Target("activities/s sustained for 60 s (the goal is 1,000)", "pipeline.max-sustained-rate", true, 300,
					"activities/s"),
			new Target("p99 event → reporting applied at 100/s", "pipeline.at100.reporting.p99", false, 100, "ms"),
			new Target("p99 event → notification's mail accepted by SMTP at 100/s", "pipeline.at100.mail.p99", false,
					1000, "ms"),
			new Target("CPU per activity at 100/s, every process", "pipeline.at100.cpu.total", false, 6, "ms"),
			new Target("MongoDB commands per activity, all services (at 100/s)", "pipeline.at100.mongo.total", false,
					MONGO_COMMANDS_PER_ACTIVITY, "commands"),
			new Target("portfolio p99", "scale.dashboard.portfolio.p99", false, 100, "ms"),
			new Target("one agreement's dashboard p99", "scale.dashboard.agreement.p99", false, 50, "ms"),
			new Target("activity list by agreement p99", "scale.activities.list.p99", false, 50, "ms"),
			new Target("activity search p99", "scale.activities.search.p99", false, 200, "ms"),
			new Target("agreement search p99", "scale.agreements.search.p99", false, 200, "ms"),
			new Target("growth: largest ratio of a read or per-event figure, 100,000 to 10,000 activities",
					"growth.largest", false, GROWTH, "×"),
			new Target("rebuild of 100,000 activities", "scale.rebuild.seconds", false, 60, "s"),
			new Target("heap of each service (largest used, any service)", "memory.heap.max-used-mb", false, 256, "MB"),
			new Target("every review schedule planned after the last activation", "reminders.planned-after.seconds",
					false, 60, "s"),
			new Target("reminder mails per second", "reminders.sends-per-second", true, 200, "mails/s"),
			new Target("reminders never sent", "reminders.missing", false, 0, "mails"));

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
