package org.coophub.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coophub.benchmarks.RunResult.Measurement;

/**
 * Renders results as Markdown and puts them into the report
 * (benchmarks/target/performance.md) between markers, one section per mode, so a quick
 * run never overwrites a full one and the hand-written analysis around the sections
 * stays.
 */
final class MarkdownReport {

	private MarkdownReport() {
	}

	static String render(String title, Map<String, Object> conditions, List<RunResult> runs, List<Target> targets) {
		StringBuilder md = new StringBuilder();
		md.append("### ").append(title).append("\n\n");
		md.append("| condition | value |\n| --- | --- |\n");
		conditions
			.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n"));
		Map<String, Stats.Spread> spreads = spreads(runs);
		Map<String, String> reasons = new LinkedHashMap<>();
		runs.forEach((run) -> reasons.putAll(run.reasons()));
		md.append(
				"\n| target | goal | median (min – max) | verdict | what limits it |\n| --- | --- | --- | --- | --- |\n");
		for (Target target : targets) {
			Stats.Spread spread = spreads.get(target.metricKey());
			Target.Verdict verdict = target.judge(spread);
			String reason = (verdict == Target.Verdict.MET) ? "" : reasons.getOrDefault(target.metricKey(), "");
			md.append("| ")
				.append(target.name())
				.append(" | ")
				.append(target.goal())
				.append(" | ")
				.append(spreadText(spread))
				.append(" | ")
				.append(verdict.text())
				.append(" | ")
				.append(cell(reason))
				.append(" |\n");
		}
		md.append("\n| figure | unit | min | median | max | runs |\n| --- | --- | --- | --- | --- | --- |\n");
		Map<String, Measurement> first = firstOfEach(runs);
		spreads.forEach((key, spread) -> {
			Measurement m = first.get(key);
			md.append("| ")
				.append(m.label())
				.append(" | ")
				.append(m.unit())
				.append(" | ")
				.append(number(spread.min()))
				.append(" | ")
				.append(number(spread.median()))
				.append(" | ")
				.append(number(spread.max()))
				.append(" | ")
				.append(spread.runs())
				.append(" |\n");
		});
		if (!runs.isEmpty()) {
			RunResult last = runs.get(runs.size() - 1);
			last.details().forEach((key, value) -> {
				if (value instanceof List<?> rows && !rows.isEmpty() && rows.get(0) instanceof Map<?, ?>) {
					md.append("\n").append(key).append(" (last run):\n\n").append(table(rows));
				}
			});
			List<String> notes = new ArrayList<>();
			runs.forEach((run) -> run.notes().stream().filter((n) -> !notes.contains(n)).forEach(notes::add));
			if (!notes.isEmpty()) {
				md.append("\nNotes:\n\n");
				notes.forEach((note) -> md.append("- ").append(note).append("\n"));
			}
		}
		return md.toString();
	}

	/**
	 * Replaces the section between the mode's markers, or appends it with markers.
	 */
	static String insert(String document, String mode, String section) {
		String start = "<!-- benchmark:" + mode + ":start -->";
		String end = "<!-- benchmark:" + mode + ":end -->";
		String block = start + "\n" + section.strip() + "\n" + end;
		int from = document.indexOf(start);
		int to = document.indexOf(end);
		if (from >= 0 && to > from) {
			return document.substring(0, from) + block + document.substring(to + end.length());
		}
		String separator = document.isEmpty() || document.endsWith("\n\n") ? ""
				: (document.endsWith("\n") ? "\n" : "\n\n");
		return document + separator + block + "\n";
	}

	static Map<String, Stats.Spread> spreads(List<RunResult> runs) {
		Map<String, List<Double>> values = new LinkedHashMap<>();
		for (RunResult run : runs) {
			for (Measurement m : run.measurements()) {
				values.computeIfAbsent(m.key(), (k) -> new ArrayList<>()).add(m.value());
			}
		}
		Map<String, Stats.Spread> spreads = new LinkedHashMap<>();
		values.forEach((key, list) -> spreads.put(key, Stats.Spread.of(list)));
		return spreads;
	}

	static String number(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%,d", (long) value);
		}
		if (Math.abs(value) < 1) {
			// per-activity figures and shares of a core: one decimal would show 0.0
			return String.format(Locale.ROOT, "%.2f", value);
		}
		return String.format(Locale.ROOT, (Math.abs(value) >= 100) ? "%,.0f" : "%.1f", value);
	}

	private static String spreadText(Stats.Spread spread) {
		if (spread == null || spread.runs() == 0) {
			return "–";
		}
		if (spread.runs() == 1) {
			return number(spread.median()) + " (1 run)";
		}
		return number(spread.median()) + " (" + number(spread.min()) + " – " + number(spread.max()) + ")";
	}

	private static Map<String, Measurement> firstOfEach(List<RunResult> runs) {
		Map<String, Measurement> first = new LinkedHashMap<>();
		runs.forEach((run) -> run.measurements().forEach((m) -> first.putIfAbsent(m.key(), m)));
		return first;
	}

	private static String table(List<?> rows) {
		List<String> columns = new ArrayList<>();
		rows.forEach((row) -> ((Map<?, ?>) row).keySet().forEach((k) -> {
			if (!columns.contains(String.valueOf(k))) {
				columns.add(String.valueOf(k));
			}
		}));
		StringBuilder md = new StringBuilder("| ").append(String.join(" | ", columns)).append(" |\n|");
		columns.forEach((c) -> md.append(" --- |"));
		md.append("\n");
		for (Object row : rows) {
			Map<?, ?> map = (Map<?, ?>) row;
			md.append("|");
			columns.forEach((c) -> md.append(" ").append(cell(map.get(c))).append(" |"));
			md.append("\n");
		}
		return md.toString();
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double d) {
			return number(d);
		}
		if (value instanceof Float f) {
			return number(f);
		}
		if (value instanceof Number n) {
			return number(n.doubleValue());
		}
		return String.valueOf(value).replace("|", "\\|").replace("\n", " ");
	}

}
