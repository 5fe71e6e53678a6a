package org.coophub.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

	private final List<Target> targets = List.of(new Target("sustained", "rate", true, 1000, "activities/s"),
			new Target("latency", "p99", false, 100, "ms"), new Target("rebuild", "rebuild", false, 60, "s"));

	@Test
	void tableShowsMinMedianMaxAndJudgesTargetsOnTheMedian() {
		String md = MarkdownReport.render("Full run", Map.of("machine", "2 cores"),
				List.of(run(800, 90), run(1200, 150), run(1100, 80)), this.targets);
		assertThat(md).contains("### Full run")
			.contains("| machine | 2 cores |")
			.contains("| sustained | ≥ 1,000 activities/s | 1,100 (800 – 1,200) | met |")
			.contains("| latency | ≤ 100 ms | 90 (80 – 150) | met |")
			.contains("| rebuild | ≤ 60 s | – | not measured | no endpoint |")
			.contains("| highest rate | activities/s | 800 | 1,100 | 1,200 | 3 |")
			.contains("| rate /s | p99 ms |\n| --- | --- |\n| 100 | 12.5 |")
			.contains("- rebuild skipped");
	}

	@Test
	void aMissedTargetShowsWhatLimitsIt() {
		RunResult run = run(300, 250);
		run.reason("rate", "activity-service at 190 % CPU");
		String md = MarkdownReport.render("Quick run", Map.of(), List.of(run), this.targets);
		assertThat(md)
			.contains("| sustained | ≥ 1,000 activities/s | 300 (1 run) | missed | activity-service at 190 % CPU |");
	}

	@Test
	void sectionsOfEachModeAreReplacedInPlaceAndTheRestOfTheDocumentKept() {
		String doc = "# Performance\n\nHand-written analysis.\n";
		String withQuick = MarkdownReport.insert(doc, "quick", "### Quick run\nfirst");
		String withBoth = MarkdownReport.insert(withQuick, "full", "### Full run");
		String again = MarkdownReport.insert(withBoth, "quick", "### Quick run\nsecond");
		assertThat(again).startsWith(doc)
			.contains("<!-- benchmark:quick:start -->\n### Quick run\nsecond\n<!-- benchmark:quick:end -->")
			.contains("<!-- benchmark:full:start -->\n### Full run\n<!-- benchmark:full:end -->")
			.doesNotContain("first");
	}

	@Test
	void figuresBelowOneKeepTwoDecimals() {
		assertThat(MarkdownReport.number(0.04)).isEqualTo("0.04");
		assertThat(MarkdownReport.number(7.26)).isEqualTo("7.3");
		assertThat(MarkdownReport.number(1234.0)).isEqualTo("1,234");
	}

	private static RunResult run(double rate, double p99) {
		RunResult run = new RunResult();
		run.measure("rate", "highest rate", "activities/s", rate);
		run.measure("p99", "p99 latency", "ms", p99);
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("rate /s", 100);
		step.put("p99 ms", 12.5);
		run.detail("steps", List.of(step));
		run.note("rebuild skipped");
		run.reason("rebuild", "no endpoint");
		return run;
	}

}
