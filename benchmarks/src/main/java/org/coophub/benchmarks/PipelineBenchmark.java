package org.coophub.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.coophub.localstack.process.StackService;

/**
 * Activities POSTed over HTTP at rising rates, open loop: a ticker sends what is due by
 * the clock whether or not earlier requests have answered, so a slow service shows up as
 * a growing backlog instead of a politely slower client. For each step, how long until
 * reporting-service and notification-service applied each event ({@link LagMonitor}), and
 * what each activity cost: CPU milliseconds per process and MongoDB commands per service
 * ({@link ActivityCost}).
 */
final class PipelineBenchmark {

	static final List<String> GROUPS = List.of("reporting-service", "notification-service");

	/** More requests than this in flight and the step counts as not sustained. */
	static final int MAX_IN_FLIGHT = 4000;

	static final Duration DRAIN_GATE = Duration.ofMinutes(30);

	/** Warm-up windows at most. */
	static final int MAX_WARM_UPS = 5;

	/** No new mail for this long and notification-service has sent what a step caused. */
	static final Duration MAIL_QUIET = Duration.ofSeconds(2);

	private final Api api;

	private final MeasuredStack stack;

	private final ProcessSampler sampler;

	private final BenchmarkOptions options;

	PipelineBenchmark(Api api, MeasuredStack stack, ProcessSampler sampler, BenchmarkOptions options) {
		this.api = api;
		this.stack = stack;
		this.sampler = sampler;
		this.options = options;
	}

	void run(Fixtures.Partners partners, RunResult result) throws Exception {
		run(partners, result, this.options.rates());
	}

	/**
	 * After the warm-up, the rates given, stopping at the first not sustained from 100/s
	 * up.
	 */
	void run(Fixtures.Partners partners, RunResult result, List<Integer> rates) throws Exception {
		try (LagMonitor monitor = new LagMonitor(this.stack.kafka(), "activity-events", GROUPS,
				Duration.ofMillis(this.options.lagPollMillis()));
				LagMonitor mailOutcomes = new LagMonitor(this.stack.kafka(), "notification-events",
						List.of("reporting-service"), Duration.ofMillis(this.options.lagPollMillis()))) {
			// runs are independent: none starts while an earlier phase's events (the
			// preload's too) are unapplied on any topic
			long drained = DrainGate.await(this.stack.kafka(), DRAIN_GATE);
			System.out.printf("  earlier backlog drained %s%n",
					(drained < 0) ? "not within " + DRAIN_GATE.toMinutes() + " min" : "after " + drained + " ms");
			result.detail("earlier backlog drained before the pipeline, ms", drained);
			warmUp(monitor, mailOutcomes, partners, result);
			List<Map<String, Object>> rows = new ArrayList<>();
			List<Map<String, Object>> cpuRows = new ArrayList<>();
			List<Map<String, Object>> mongoRows = new ArrayList<>();
			int bestRate = 0;
			Step at100 = null;
			Step firstFailure = null;
			for (int rate : rates) {
				this.stack.clearMail();
				Step step = step(monitor, mailOutcomes, partners, rate, this.options.windowSeconds());
				System.out.printf("  %5d/s: %s%n", rate, step.summary());
				System.out.printf("         per activity: CPU ms %s; MongoDB commands %s%n", step.cost.cpuRow(rate),
						step.cost.mongoRow(rate));
				rows.add(step.row());
				cpuRows.add(step.cost.cpuRow(rate));
				mongoRows.add(step.cost.mongoRow(rate));
				if (rate == 100) {
					at100 = step;
					result.detail("processes at 100 activities/s", step.processes());
				}
				if (step.sustained()) {
					bestRate = rate;
				}
				else {
					firstFailure = step;
					if (rate >= 100) {
						break;
					}
				}
			}
			result.detail("pipeline steps", rows);
			result.detail("CPU ms per activity, by pipeline step (until all it caused was applied)", cpuRows);
			result.detail("MongoDB commands per activity, by pipeline step", mongoRows);
			result.measure("pipeline.max-sustained-rate",
					"highest rate sustained for " + this.options.windowSeconds() + " s without growing backlog",
					"activities/s", bestRate);
			if (firstFailure != null) {
				result.reason("pipeline.max-sustained-rate", "at " + firstFailure.rate + "/s: "
						+ firstFailure.whyNotSustained() + "; busiest process " + firstFailure.busiest());
			}
			if (at100 != null) {
				measureLatencies(result, at100);
				measureCost(result, at100);
			}
			this.stack.clearMail();
		}
	}

	/**
	 * The JIT, connection pools and the services' caches, not measured: windows at 50/s
	 * until one is no better than the one before (both services' p99 more than two thirds
	 * of it), at most {@link #MAX_WARM_UPS}. JVMs that have only loaded data compile the
	 * request paths meanwhile: their first window was 100 times slower.
	 */
	private void warmUp(LagMonitor monitor, LagMonitor mailOutcomes, Fixtures.Partners partners, RunResult result)
			throws Exception {
		Step previous = null;
		for (int window = 1;; window++) {
			Step step = step(monitor, mailOutcomes, partners, 50, this.options.warmupSeconds());
			System.out.printf("  warm-up %d at 50/s: %s%n", window, step.summary());
			if (window == MAX_WARM_UPS || (previous != null && noBetter(step, previous))) {
				result.detail("warm-up windows at 50/s before the steps", window);
				return;
			}
			previous = step;
		}
	}

	private static boolean noBetter(Step later, Step earlier) {
		return GROUPS.stream().allMatch((group) -> {
			double before = Stats.percentile(earlier.recording.fromEvent(group), 99);
			double after = Stats.percentile(later.recording.fromEvent(group), 99);
			return !(after < before * 2 / 3);
		});
	}

	private void measureLatencies(RunResult result, Step step) {
		for (String group : GROUPS) {
			String name = group.replace("-service", "");
			List<Long> fromEvent = step.recording.fromEvent(group);
			List<Long> fromRequest = step.recording.fromRequest(group);
			for (int p : new int[] { 50, 95, 99 }) {
				result.measure("pipeline.at100." + name + ".p" + p,
						"event published → " + group + " applied, p" + p + " at 100/s", "ms",
						Stats.percentile(fromEvent, p));
			}
			result.measure("pipeline.at100." + name + ".request.p99", "POST sent → " + group + " applied, p99 at 100/s",
					"ms", Stats.percentile(fromRequest, 99));
		}
		if (step.mailMillis.isEmpty()) {
			result.note("Pipeline: no mail of the 100/s step was matched with its activity's event.");
		}
		else {
			for (int p : new int[] { 50, 99 }) {
				result.measure(
						"pipeline.at100.mail.p" + p, "event published → notification's mail accepted by SMTP, p" + p
								+ " at 100/s (" + step.mailMillis.size() + " mails)",
						"ms", Stats.percentile(step.mailMillis, p));
			}
		}
		result.measure("pipeline.at100.http.p99", "POST /api/v1/activities response time, p99 at 100/s", "ms",
				Stats.percentile(step.httpMillis, 99));
		double p99 = Stats.percentile(step.recording.fromEvent("reporting-service"), 99);
		if (p99 > 100) {
			result.reason("pipeline.at100.reporting.p99", "HTTP p99 "
					+ Stats.round(Stats.percentile(step.httpMillis, 99)) + " ms; busiest process " + step.busiest());
		}
	}

	/**
	 * The 100/s step's cost per activity as figures compared across runs: the same step
	 * as the latencies, and a rate every run reaches.
	 */
	private void measureCost(RunResult result, Step step) {
		ActivityCost cost = step.cost;
		result.measure("pipeline.at100.mongo.total", "MongoDB commands per activity, all services, at 100/s",
				"commands", ActivityCost.round2(cost.totalMongoCommands()));
		cost.mongoCommands()
			.forEach((service, perActivity) -> result.measure("pipeline.at100.mongo." + service,
					"MongoDB commands per activity, " + service + ", at 100/s", "commands",
					ActivityCost.round2(perActivity)));
		result.measure("pipeline.at100.cpu.total",
				"CPU per activity, all watched processes but the load generator, at 100/s", "ms",
				ActivityCost.round2(cost.totalCpuMillis()));
		cost.cpuMillis()
			.forEach((process, perActivity) -> result.measure("pipeline.at100.cpu." + process,
					"CPU per activity, " + process + ", at 100/s", "ms", ActivityCost.round2(perActivity)));
		if (!Double.isNaN(cost.loadGeneratorMillis())) {
			result.measure("pipeline.at100.cpu.load-generator",
					"CPU per activity, the benchmark's load generator threads, at 100/s", "ms",
					ActivityCost.round2(cost.loadGeneratorMillis()));
		}
		result.detail("MongoDB commands per activity by command at 100 activities/s", cost.byCommandRows());
		if (cost.totalMongoCommands() > Target.MONGO_COMMANDS_PER_ACTIVITY) {
			String largest = cost.mongoCommands()
				.entrySet()
				.stream()
				.max(Map.Entry.comparingByValue())
				.map((e) -> e.getKey() + " " + MarkdownReport.number(ActivityCost.round2(e.getValue())))
				.orElse("?");
			result.reason("pipeline.at100.mongo.total", "most commands per activity: " + largest);
		}
	}

	private Step step(LagMonitor monitor, LagMonitor mailOutcomes, Fixtures.Partners partners, int rate, int seconds)
			throws Exception {
		URI activities = this.stack.url(StackService.ACTIVITY);
		Map<String, Long> requestTimes = new ConcurrentHashMap<>();
		Step step = new Step(rate, seconds);
		step.recording = monitor.record((id) -> requestTimes.getOrDefault(id, -1L));
		LagMonitor.Recording mails = mailOutcomes.record((id) -> -1L);
		ProcessSampler.Snapshot before = this.sampler.snapshot();
		long publishedBefore = monitor.published();
		List<String> agreements = partners.agreementIds();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		long nextLagSample = start;
		long sent = 0;
		while (System.nanoTime() < end) {
			long now = System.nanoTime();
			long due = (long) ((now - start) / 1e9 * rate);
			while (sent < due) {
				if (step.inFlight.get() >= MAX_IN_FLIGHT) {
					step.dropped.incrementAndGet();
					sent++;
					continue;
				}
				int n = (int) sent;
				String body = Fixtures.conference(partners, agreements.get(n % agreements.size()), n);
				long sentAt = System.currentTimeMillis();
				long sentNanos = System.nanoTime();
				step.inFlight.incrementAndGet();
				this.api.sendAsync(activities, "POST", "/api/v1/activities", "application/json", body)
					.whenComplete((response, failure) -> {
						step.inFlight.decrementAndGet();
						long millis = (System.nanoTime() - sentNanos) / 1_000_000;
						if (failure == null && response.statusCode() == 201) {
							step.ok.incrementAndGet();
							step.httpMillis.add(millis);
							String id = Api.JSON.readTree(response.body()).path("id").asString();
							requestTimes.put(id, sentAt);
						}
						else {
							step.failed.incrementAndGet();
							if (step.firstError == null) {
								step.firstError = (failure != null) ? failure.toString()
										: response.statusCode() + " " + response.body();
							}
						}
					});
				sent++;
			}
			if (now >= nextLagSample) {
				step.backlog.add(new long[] { (now - start) / 1_000_000, step.inFlight.get() + monitor.maxLag() });
				nextLagSample = now + 250_000_000L;
			}
			Thread.sleep(1);
		}
		step.sent = sent;
		step.completedInWindow = step.ok.get() + step.failed.get();
		step.backlogAtEnd = step.inFlight.get() + monitor.maxLag();
		ProcessSampler.Snapshot after = this.sampler.snapshot();
		step.processes = this.sampler.between(before, after);
		step.otherCores = this.sampler.otherProcessesCores(before, after);
		// drain: everything sent answered and applied by both services
		long drainStart = System.nanoTime();
		long deadline = drainStart + Duration.ofSeconds(Math.max(30, seconds)).toNanos();
		while (step.inFlight.get() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		monitor.awaitPublished(publishedBefore, step.ok.get(),
				Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
		long rest = monitor.awaitDrained(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
		step.drainMillis = (rest < 0) ? -1 : (System.nanoTime() - drainStart) / 1_000_000;
		monitor.stopRecording();
		if (rest < 0) {
			// the next step must not start with this one's backlog: let it settle,
			// unmeasured
			long settled = monitor.awaitDrained(Duration.ofMinutes(5));
			System.out.printf("  (backlog settled %s)%n",
					(settled < 0) ? "not within 5 min" : "after " + settled + " ms");
		}
		awaitMailAndOutcomes(mailOutcomes, partners.mailDomain());
		mailOutcomes.stopRecording();
		step.mailMillis = MailLatency.of(step.recording.tapped(), mails.tapped());
		step.cost = ActivityCost.between(before, this.sampler.snapshot(), step.ok.get());
		return step;
	}

	/**
	 * notification-service mails on its own thread after it applied an activity, and
	 * reporting-service applies each mail's outcome from notification-events: a step's
	 * cost ends when no mail has come for {@link #MAIL_QUIET} and those outcomes are
	 * applied.
	 */
	private void awaitMailAndOutcomes(LagMonitor mailOutcomes, String mailDomain) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		int mails = this.stack.mailsTo(mailDomain);
		long lastChange = System.nanoTime();
		while (System.nanoTime() - lastChange < MAIL_QUIET.toNanos() && System.nanoTime() < deadline) {
			Thread.sleep(250);
			int now = this.stack.mailsTo(mailDomain);
			if (now != mails) {
				mails = now;
				lastChange = System.nanoTime();
			}
		}
		mailOutcomes.awaitDrained(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
	}

	/**
	 * One rate held for one window.
	 */
	static final class Step {

		final int rate;

		final int seconds;

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicLong ok = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final AtomicLong dropped = new AtomicLong();

		final List<Long> httpMillis = java.util.Collections.synchronizedList(new ArrayList<>());

		final List<long[]> backlog = new ArrayList<>();

		volatile String firstError;

		LagMonitor.Recording recording;

		/** Each mail the step caused: from its activity's event to SMTP's acceptance. */
		List<Long> mailMillis = List.of();

		long sent;

		long completedInWindow;

		long backlogAtEnd;

		long drainMillis;

		double otherCores;

		List<Map<String, Object>> processes = List.of();

		ActivityCost cost;

		Step(int rate, int seconds) {
			this.rate = rate;
			this.seconds = seconds;
		}

		/**
		 * Sustained: at most 1 % errors, at least 95 % of the requests answered within
		 * the window, at most two seconds' worth of work left at its end, and all of it
		 * applied within ten seconds after.
		 */
		boolean sustained() {
			return whyNotSustained().isEmpty();
		}

		String whyNotSustained() {
			List<String> reasons = new ArrayList<>();
			long target = (long) this.rate * this.seconds;
			if (this.failed.get() + this.dropped.get() > target / 100) {
				reasons.add((this.failed.get() + this.dropped.get()) + " of " + target + " requests failed"
						+ ((this.firstError != null)
								? " (" + this.firstError.substring(0, Math.min(120, this.firstError.length())) + ")"
								: ""));
			}
			if (this.completedInWindow < target * 0.95) {
				reasons.add("only " + this.completedInWindow + " of " + target + " requests answered in the window");
			}
			if (this.backlogAtEnd > 2L * this.rate) {
				reasons.add("backlog " + this.backlogAtEnd + " at the end of the window (> 2 s of work)");
			}
			if (this.drainMillis < 0 || this.drainMillis > 10_000) {
				reasons.add("backlog took " + ((this.drainMillis < 0) ? "too long" : this.drainMillis + " ms")
						+ " to drain");
			}
			return String.join("; ", reasons);
		}

		String busiest() {
			return this.processes.stream()
				.max(java.util.Comparator.comparingDouble((row) -> (double) row.get("cpu %")))
				.map((row) -> row.get("process") + " at " + row.get("cpu %") + " % CPU")
				.orElse("?") + ", other processes " + this.otherCores + " cores";
		}

		Map<String, Object> row() {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("rate /s", this.rate);
			row.put("sent", this.sent);
			row.put("2xx", this.ok.get());
			row.put("failed", this.failed.get() + this.dropped.get());
			row.put("HTTP p99 ms", Stats.round(Stats.percentile(this.httpMillis, 99)));
			for (String group : GROUPS) {
				String name = group.replace("-service", "");
				List<Long> latencies = this.recording.fromEvent(group);
				row.put(name + " p50 ms", Stats.round(Stats.percentile(latencies, 50)));
				row.put(name + " p99 ms", Stats.round(Stats.percentile(latencies, 99)));
			}
			row.put("mail p99 ms", Stats.round(Stats.percentile(this.mailMillis, 99)));
			row.put("backlog at end", this.backlogAtEnd);
			row.put("drain ms", this.drainMillis);
			row.put("other load, cores", this.otherCores);
			row.put("sustained", sustained() ? "yes" : "no: " + whyNotSustained());
			return row;
		}

		String summary() {
			return row().toString();
		}

		List<Map<String, Object>> processes() {
			return this.processes;
		}

	}

}
