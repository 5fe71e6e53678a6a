package org.coophub.benchmarks;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.coophub.localstack.process.StackService;
import tools.jackson.databind.JsonNode;

/**
 * The data of many years ({@link Preload}): the read paths timed and the reporting
 * projection rebuilt.
 */
final class ScaleBenchmark {

	/**
	 * The portfolio and the search read every agreement or every activity and take
	 * seconds at full size, so fewer of them are timed: their p99 is the slowest.
	 */
	static final int WHOLE_DATA_REQUESTS = 20;

	private final Api api;

	private final MeasuredStack stack;

	private final BenchmarkOptions options;

	private final Preload preload;

	private Fixtures.Partners partners;

	ScaleBenchmark(Api api, MeasuredStack stack, Preload preload, BenchmarkOptions options) {
		this.api = api;
		this.stack = stack;
		this.preload = preload;
		this.options = options;
	}

	/**
	 * Measures the queries and the rebuild on the preloaded data, loading it first when
	 * the preload phase did not run.
	 */
	void run(Fixtures fixtures, RunResult result) throws Exception {
		int total = this.options.scaleAgreements() * this.options.scalePerAgreement();
		if (!this.preload.loaded()) {
			result.note("Scale: the preload phase did not run; the data was loaded here.");
			this.preload.run(fixtures, result);
		}
		this.partners = this.preload.partners();
		queries(result, this.partners.agreementIds(), total);
		rebuild(result, total);
	}

	/**
	 * Queries timed while the consumers still work off the pipeline's backlog measure the
	 * backlog too.
	 */
	private void awaitEarlierWork(RunResult result) throws Exception {
		long drained = DrainGate.await(this.stack.kafka(), PipelineBenchmark.DRAIN_GATE);
		result.detail("earlier backlog drained before the scale queries, ms", drained);
	}

	/**
	 * Times the read paths once the earlier work is applied.
	 * @param ids the agreements with activities
	 * @param total the activities stored
	 */
	void queries(RunResult result, List<String> ids, int total) throws Exception {
		awaitEarlierWork(result);
		URI reporting = this.stack.url(StackService.REPORTING);
		URI activities = this.stack.url(StackService.ACTIVITY);
		int n = this.options.queryRequests();
		// warm-up of the read paths
		for (int i = 0; i < 50; i++) {
			this.api.send(reporting, "GET", "/api/v1/dashboard/agreements/" + random(ids), null, null);
			this.api.send(activities, "GET", "/api/v1/activities?agreementId=" + random(ids) + "&size=20", null, null);
		}
		JsonNode sample = this.api.get(reporting, "/api/v1/dashboard/agreements/" + ids.get(0));
		if (sample.path("activityCount").asInt() != this.options.scalePerAgreement()) {
			result.note("Scale: an agreement's dashboard showed " + sample.path("activityCount").asInt()
					+ " activities, " + this.options.scalePerAgreement() + " expected.");
		}
		timed(result, "scale.dashboard.agreement", "GET /api/v1/dashboard/agreements/{id} (one agreement)", n,
				() -> reporting.resolve("/api/v1/dashboard/agreements/" + random(ids)));
		timed(result, "scale.dashboard.portfolio", "GET /api/v1/dashboard (portfolio, a page of 50 of every agreement)",
				WHOLE_DATA_REQUESTS, () -> reporting.resolve("/api/v1/dashboard"));
		timed(result, "scale.activities.list", "GET /api/v1/activities?agreementId=…&size=20", n,
				() -> activities.resolve("/api/v1/activities?agreementId=" + random(ids) + "&size=20"));
		timed(result, "scale.activities.search",
				"GET /api/v1/activities?q=hoat dong&size=20 (search, all " + total + " activities)",
				WHOLE_DATA_REQUESTS, () -> activities.resolve("/api/v1/activities?q=hoat%20dong&size=20"));
		URI agreements = this.stack.url(StackService.AGREEMENT);
		// every agreement's title says "Chương trình hợp tác": the search matches them
		// all
		timed(result, "scale.agreements.search", "GET /api/v1/agreements?q=hop tac&size=20 (search, every agreement)",
				WHOLE_DATA_REQUESTS, () -> agreements.resolve("/api/v1/agreements?q=hop%20tac&size=20"));
	}

	private void timed(RunResult result, String key, String label, int requests, java.util.function.Supplier<URI> uris)
			throws Exception {
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			URI uri = uris.get();
			long start = System.nanoTime();
			HttpResponse<String> response = this.api.send(uri, "GET",
					uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""), null, null);
			micros.add((System.nanoTime() - start) / 1000);
			if (response.statusCode() != 200) {
				// one failing read path must not hide the others' figures
				result.note("Scale: " + label + " answered " + response.statusCode() + " (request " + (i + 1)
						+ "); not measured.");
				System.out.printf("  %s: answered %d, not measured%n", label, response.statusCode());
				return;
			}
		}
		List<Double> millis = micros.stream().map((m) -> m / 1000.0).toList();
		String of = " of " + requests + " requests";
		result.measure(key + ".p50", label + ", p50" + of, "ms", Stats.round(Stats.percentile(millis, 50)));
		result.measure(key + ".p99", label + ", p99" + of, "ms", Stats.round(Stats.percentile(millis, 99)));
		System.out.printf("  %s: p50 %.1f ms, p99 %.1f ms (%d requests)%n", label, Stats.percentile(millis, 50),
				Stats.percentile(millis, 99), requests);
	}

	/** reporting-service's answer to a rebuild names the records it replayed. */
	private static final java.util.regex.Pattern REBUILT_RECORDS = java.util.regex.Pattern
		.compile("\"records\"\\s*:\\s*(\\d+)");

	private void rebuild(RunResult result, int total) throws Exception {
		URI reporting = this.stack.url(StackService.REPORTING);
		long start = System.nanoTime();
		HttpResponse<String> response = this.api.send(reporting, "POST", "/api/v1/admin/projections:rebuild",
				"application/json", "{}", Duration.ofMinutes(15));
		if (response.statusCode() == 404 || response.statusCode() == 405) {
			result.note("Rebuild: reporting-service has no POST /api/v1/admin/projections:rebuild (answered "
					+ response.statusCode() + "); not measured.");
			result.reason("scale.rebuild.seconds", "the rebuild endpoint does not exist yet");
			return;
		}
		if (response.statusCode() / 100 != 2) {
			result.note("Rebuild: answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(300, response.body().length())));
			return;
		}
		if (response.statusCode() == 202) {
			// asynchronous: done when the portfolio shows every activity again
			long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
			while (System.nanoTime() < deadline && portfolioActivities() < total) {
				Thread.sleep(200);
			}
			result.note("Rebuild answered 202: timed until the portfolio showed all " + total
					+ " activities again (polled every 200 ms).");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		// the rebuild replays every record on the topics, not only the preload's: each
		// repetition's pipeline adds its own, so the count says what the time covers
		result.measure("scale.rebuild.seconds", "projection rebuild of every recorded event (the preload's " + total
				+ " activities and what earlier phases added)", "s", Stats.round(seconds));
		java.util.regex.Matcher records = REBUILT_RECORDS.matcher(response.body());
		if (records.find()) {
			long replayed = Long.parseLong(records.group(1));
			result.measure("scale.rebuild.records", "records replayed by the projection rebuild", "records", replayed);
			result.measure("scale.rebuild.rate", "projection rebuild, records replayed per second", "records/s",
					Stats.round(replayed / seconds));
		}
		result.detail("rebuild answer",
				new String(response.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).substring(0,
						Math.min(300, response.body().length())));
		System.out.printf("  rebuild: %.1f s%n", seconds);
	}

	private long portfolioActivities() throws Exception {
		long sum = 0;
		java.util.Set<String> ours = new java.util.HashSet<>(this.partners.agreementIds());
		// the portfolio is paged (at most 200 a page, docs/dashboard.md): read every page
		for (int page = 0;; page++) {
			JsonNode lines = this.api.get(this.stack.url(StackService.REPORTING),
					"/api/v1/dashboard?size=200&page=" + page);
			for (JsonNode entry : lines) {
				if (ours.contains(entry.path("agreementId").asString())) {
					sum += entry.path("activityCount").asLong();
				}
			}
			if (lines.size() < 200) {
				return sum;
			}
		}
	}

	private static String random(List<String> ids) {
		return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
	}

}
