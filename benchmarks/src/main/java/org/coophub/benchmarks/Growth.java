package org.coophub.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coophub.benchmarks.RunResult.Measurement;

/**
 * Issue 17's growth rule: every read and per-event figure with all activities stored
 * within {@link Target#GROWTH} times the same figure with a tenth of them, measured in
 * the same run on the same stack while the preload stood at a tenth.
 */
final class Growth {

	/** The figures the rule covers: the read paths and the 100/s step's cost. */
	static final List<String> FIGURES = List.of("scale.dashboard.agreement.p99", "scale.dashboard.portfolio.p99",
			"scale.activities.list.p99", "scale.activities.search.p99", "scale.agreements.search.p99",
			"pipeline.at100.reporting.p99", "pipeline.at100.notification.p99", "pipeline.at100.mail.p99",
			"pipeline.at100.cpu.total", "pipeline.at100.mongo.total");

	private final RunResult atTenth = new RunResult();

	private int tenthActivities;

	/** Where the checkpoint's figures go. */
	RunResult atTenth(int activities) {
		this.tenthActivities = activities;
		return this.atTenth;
	}

	/**
	 * Adds the tenth's figures and each figure's ratio to the run's result, and the
	 * largest ratio as the figure the target judges.
	 * @param result the run's figures, with every activity stored
	 */
	void compare(RunResult result) {
		if (this.tenthActivities == 0) {
			return;
		}
		this.atTenth.notes().forEach((note) -> result.note("With a tenth stored: " + note));
		this.atTenth.details().forEach((key, value) -> result.detail(key + ", with a tenth stored", value));
		Map<String, Measurement> small = byKey(this.atTenth);
		Map<String, Measurement> full = byKey(result);
		String largestKey = null;
		double largest = 0;
		for (String key : FIGURES) {
			Measurement before = small.get(key);
			Measurement after = full.get(key);
			if (before == null || after == null || before.value() <= 0) {
				continue;
			}
			result.measure("at-tenth." + key, before.label() + ", with " + this.tenthActivities + " activities stored",
					before.unit(), before.value());
			double ratio = after.value() / before.value();
			result.measure("growth." + key, "growth of " + after.label(), "×", ActivityCost.round2(ratio));
			if (ratio > largest) {
				largest = ratio;
				largestKey = key;
			}
		}
		if (largestKey != null) {
			result.measure("growth.largest", "largest growth of a read or per-event figure, a tenth → all activities",
					"×", ActivityCost.round2(largest));
			result.reason("growth.largest", full.get(largestKey).label() + ": " + small.get(largestKey).value() + " → "
					+ full.get(largestKey).value() + " " + full.get(largestKey).unit());
		}
	}

	private static Map<String, Measurement> byKey(RunResult result) {
		return result.measurements()
			.stream()
			.collect(Collectors.toMap(Measurement::key, Function.identity(), (a, b) -> b));
	}

}
