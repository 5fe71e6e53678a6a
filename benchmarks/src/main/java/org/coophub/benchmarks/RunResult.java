package org.coophub.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run measured: the figures that are compared across runs and with the targets,
 * the details behind them (per rate step, per process) and notes on what was skipped or
 * why a figure is what it is.
 */
final class RunResult {

	private final List<Measurement> measurements = new ArrayList<>();

	private final Map<String, Object> details = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private final Map<String, String> reasons = new LinkedHashMap<>();

	void measure(String key, String label, String unit, double value) {
		this.measurements.removeIf((m) -> m.key().equals(key));
		this.measurements.add(new Measurement(key, label, unit, value));
	}

	void detail(String key, Object value) {
		this.details.put(key, value);
	}

	void note(String note) {
		this.notes.add(note);
	}

	/**
	 * What limits a figure, in measured terms, shown beside a missed target.
	 */
	void reason(String metricKey, String reason) {
		this.reasons.put(metricKey, reason);
	}

	List<Measurement> measurements() {
		return this.measurements;
	}

	Map<String, Object> details() {
		return this.details;
	}

	List<String> notes() {
		return this.notes;
	}

	Map<String, String> reasons() {
		return this.reasons;
	}

	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		Map<String, Object> figures = new LinkedHashMap<>();
		for (Measurement m : this.measurements) {
			figures.put(m.key(), Map.of("label", m.label(), "unit", m.unit(), "value", m.value()));
		}
		json.put("measurements", figures);
		json.put("details", this.details);
		json.put("notes", this.notes);
		json.put("reasons", this.reasons);
		return json;
	}

	/**
	 * One figure of a run.
	 */
	record Measurement(String key, String label, String unit, double value) {
	}

}
