package org.coophub.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Percentiles and min/median/max of measured values. Percentiles use the nearest-rank
 * method: p99 of 100 samples is the 99th smallest, a value that was really observed.
 */
final class Stats {

	private Stats() {
	}

	/**
	 * The nearest-rank percentile of the values.
	 * @param values the samples, in any order
	 * @param percentile in (0, 100]
	 * @return the value, or {@code NaN} without samples
	 */
	static double percentile(Collection<? extends Number> values, double percentile) {
		if (percentile <= 0 || percentile > 100) {
			throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
		}
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	/**
	 * The median; of an even number of values, the mean of the two in the middle.
	 * @param values the samples, in any order
	 * @return the median, or {@code NaN} without samples
	 */
	static double median(Collection<? extends Number> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * Count, p50, p95, p99 and max of latency samples, for the results.
	 * @param millis latencies in milliseconds
	 * @return the summary, keys {@code count, p50, p95, p99, max}
	 */
	static Map<String, Object> latencySummary(Collection<? extends Number> millis) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("count", millis.size());
		summary.put("p50", round(percentile(millis, 50)));
		summary.put("p95", round(percentile(millis, 95)));
		summary.put("p99", round(percentile(millis, 99)));
		summary.put("max", round(percentile(millis, 100)));
		return summary;
	}

	/**
	 * Rounds to one decimal place for reports; {@code NaN} stays {@code NaN}.
	 * @param value the value
	 * @return the rounded value
	 */
	static double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		return Math.round(value * 10) / 10.0;
	}

	/**
	 * Min, median and max of one figure over repeated runs.
	 */
	record Spread(double min, double median, double max, int runs) {

		static Spread of(Collection<? extends Number> values) {
			double[] finite = values.stream()
				.mapToDouble(Number::doubleValue)
				.filter((v) -> !Double.isNaN(v))
				.sorted()
				.toArray();
			if (finite.length == 0) {
				return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
			}
			return new Spread(finite[0], Stats.median(Arrays.stream(finite).boxed().toList()),
					finite[finite.length - 1], finite.length);
		}

	}

}
