package org.coophub.benchmarks;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.coophub.localstack.process.StackService;

/**
 * The grown system every figure is taken with (issue 17): agreements with many activities
 * each, loaded through the CSV import, and the review schedules of many more agreements,
 * loaded into each run's fresh stack before anything is measured and then drained, so the
 * limits, the pipeline, the queries and the rebuild all measure a store of that size. The
 * agreements with activities have review schedules too and count towards their number;
 * the others are agreements without activities, created over HTTP sixteen at a time
 * (agreement-service has no import).
 */
final class Preload {

	static final int ROWS_PER_FILE = 10_000;

	/** Reviews this far off: no reminder falls due while the benchmark runs. */
	static final int REVIEW_IN_DAYS = 200;

	private final Api api;

	private final MeasuredStack stack;

	private final ProcessSampler sampler;

	private final BenchmarkOptions options;

	private Fixtures.Partners partners;

	Preload(Api api, MeasuredStack stack, ProcessSampler sampler, BenchmarkOptions options) {
		this.api = api;
		this.stack = stack;
		this.sampler = sampler;
		this.options = options;
	}

	boolean loaded() {
		return this.partners != null;
	}

	/** The agreements with activities and their two partners. */
	Fixtures.Partners partners() {
		return this.partners;
	}

	/** What is loaded, for the report's conditions. */
	static String describe(BenchmarkOptions options, boolean everyRun) {
		int agreements = options.scaleAgreements();
		int schedules = Math.max(agreements, options.preloadSchedules());
		return agreements + " agreements × " + options.scalePerAgreement() + " activities (CSV import) and " + schedules
				+ " review schedules (" + agreements + " of those agreements, " + (schedules - agreements)
				+ " more agreements without activities), loaded at the start of "
				+ (everyRun ? "every run, into its fresh stack" : "run 1") + ", then drained";
	}

	/**
	 * Loads the data once; does nothing when it is loaded.
	 */
	void run(Fixtures fixtures, RunResult result) throws Exception {
		run(fixtures, result, null);
	}

	/**
	 * Loads the data once, stopping when a tenth of the activities is applied for the
	 * checkpoint to measure that smaller store; does nothing when it is loaded.
	 */
	void run(Fixtures fixtures, RunResult result, AtTenth atTenth) throws Exception {
		if (loaded()) {
			return;
		}
		ProcessSampler.Snapshot before = this.sampler.snapshot();
		loadActivities(fixtures, result, atTenth);
		loadSchedules(fixtures, result);
		long start = System.nanoTime();
		long drained = DrainGate.await(this.stack.kafka(), PipelineBenchmark.DRAIN_GATE);
		if (drained < 0) {
			result.note("Preload: the services had not applied everything loaded after "
					+ PipelineBenchmark.DRAIN_GATE.toMinutes() + " minutes.");
		}
		else {
			result.measure("preload.drained.seconds", "after the preload, until every service had applied all of it",
					"s", Stats.round((System.nanoTime() - start) / 1e9));
		}
		result.detail("processes during the preload", this.sampler.between(before, this.sampler.snapshot()));
	}

	private void loadActivities(Fixtures fixtures, RunResult result, AtTenth atTenth) throws Exception {
		int total = this.options.scaleAgreements() * this.options.scalePerAgreement();
		long setup = System.nanoTime();
		// contacts without e-mail: 100,000 mails would measure the SMTP capture's memory
		Fixtures.Partners all = fixtures.agreements("scale", this.options.scaleAgreements(), false, REVIEW_IN_DAYS, 7);
		double createSeconds = (System.nanoTime() - setup) / 1e9;
		System.out.printf("  %d agreements created in %.1f s%n", this.options.scaleAgreements(), createSeconds);
		result.measure("preload.agreements.seconds",
				this.options.scaleAgreements() + " agreements for the activities created and activated over HTTP", "s",
				Stats.round(createSeconds));
		this.partners = all;
		if (total == 0) {
			return;
		}
		URI activities = this.stack.url(StackService.ACTIVITY);
		List<String> ids = all.agreementIds();
		// activity-service accepts rows once it has read the agreements from Kafka; the
		// last one known says nothing of the other partitions', so wait for them all
		DrainGate.await(this.stack.kafka(), PipelineBenchmark.DRAIN_GATE);
		awaitKnown(all, activities, ids.get(ids.size() - 1));
		int tenth = (atTenth != null) ? Math.max(1, ids.size() / 10) : 0;
		double[] seconds = new double[2];
		if (tenth > 0) {
			Fixtures.Partners first = new Fixtures.Partners(all.lamDong(), all.hepza(), ids.subList(0, tenth),
					all.mailDomain());
			if (!importAndApply(activities, first, result, seconds)) {
				return;
			}
			atTenth.measure(first, tenth * this.options.scalePerAgreement());
		}
		Fixtures.Partners rest = new Fixtures.Partners(all.lamDong(), all.hepza(), ids.subList(tenth, ids.size()),
				all.mailDomain());
		if (!importAndApply(activities, rest, result, seconds)) {
			return;
		}
		System.out.printf("  %d activities imported in %.1f s%n", total, seconds[0]);
		result.measure("scale.import.rate", "CSV import into activity-service (" + ROWS_PER_FILE + " rows a file)",
				"activities/s", Stats.round(total / seconds[0]));
		result.measure("scale.applied.seconds",
				"import of " + total + " activities until both services applied all"
						+ ((tenth > 0) ? " (the growth checkpoint's time left out)" : ""),
				"s", Stats.round(seconds[1]));
	}

	/**
	 * Imports the agreements' activities and waits until both services applied them.
	 * @param seconds adds the import's time to [0] and the time until applied to [1]
	 * @return whether they were applied within 30 minutes
	 */
	private boolean importAndApply(URI activities, Fixtures.Partners agreements, RunResult result, double[] seconds)
			throws Exception {
		List<String> ids = agreements.agreementIds();
		int count = ids.size() * this.options.scalePerAgreement();
		try (LagMonitor monitor = new LagMonitor(this.stack.kafka(), "activity-events", PipelineBenchmark.GROUPS,
				Duration.ofMillis(100))) {
			long start = System.nanoTime();
			long publishedBefore = monitor.published();
			int agreementsPerFile = Math.max(1, ROWS_PER_FILE / this.options.scalePerAgreement());
			for (int from = 0; from < ids.size(); from += agreementsPerFile) {
				List<String> chunk = ids.subList(from, Math.min(ids.size(), from + agreementsPerFile));
				importFile(activities, Fixtures.csv(agreements, chunk, this.options.scalePerAgreement()));
			}
			seconds[0] += (System.nanoTime() - start) / 1e9;
			boolean published = monitor.awaitPublished(publishedBefore, count, Duration.ofMinutes(30));
			long drained = published ? monitor.awaitDrained(Duration.ofMinutes(30)) : -1;
			seconds[1] += (System.nanoTime() - start) / 1e9;
			if (drained < 0) {
				result.note("Preload: the services had not applied all imported activities after 30 minutes (backlog "
						+ monitor.maxLag() + ").");
				return false;
			}
			return true;
		}
	}

	/**
	 * Agreements without activities, so notification-service keeps the review schedules
	 * of the number asked for.
	 */
	private void loadSchedules(Fixtures fixtures, RunResult result) throws Exception {
		int more = this.options.preloadSchedules() - this.options.scaleAgreements();
		if (more <= 0) {
			return;
		}
		long start = System.nanoTime();
		Fixtures.Partners schedules = fixtures.agreements("schedules", more, false, REVIEW_IN_DAYS, 7);
		double createSeconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("  %d more agreements (review schedules only) created in %.1f s%n", more, createSeconds);
		result.measure("preload.schedules.create.seconds",
				more + " more agreements (review schedules only) created and activated over HTTP", "s",
				Stats.round(createSeconds));
		String last = schedules.agreementIds().get(schedules.agreementIds().size() - 1);
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (this.api
			.send(this.stack.url(StackService.NOTIFICATION), "GET", "/api/v1/agreements/" + last + "/review-schedule",
					null, null)
			.statusCode() != 200) {
			if (System.nanoTime() > deadline) {
				result.note("Preload: notification-service had no review schedule for the last agreement after 10 "
						+ "minutes.");
				return;
			}
			Thread.sleep(100);
		}
		result.measure("preload.schedules.planned.seconds",
				"from the first of them created until the last one's review schedule was planned", "s",
				Stats.round((System.nanoTime() - start) / 1e9));
	}

	private void importFile(URI activities, String csv) throws Exception {
		// a file of 10,000 rows is one long request on a busy machine
		HttpResponse<String> response = this.api.send(activities, "POST", "/api/v1/activities:import", "text/csv", csv,
				Duration.ofMinutes(15));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("import answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
	}

	/**
	 * Waits until activity-service knows the agreement as active: a one-row file with an
	 * unknown time zone is rejected for its agreement until then, and for the time zone
	 * after (the agreement is checked first), so nothing is ever imported by asking.
	 */
	private void awaitKnown(Fixtures.Partners partners, URI activities, String agreementId) throws Exception {
		String[] lines = Fixtures.csv(partners, List.of(agreementId), 1).split("\n");
		String probe = lines[0] + ",timeZone\n" + lines[1] + ",Mars/Olympus\n";
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = this.api.send(activities, "POST", "/api/v1/activities:import", "text/csv",
					probe);
			// the only fault left is the end before the start once the agreement is known
			if (response.statusCode() == 422 && !response.body().contains("agreementId")) {
				return;
			}
			if (response.statusCode() == 201) {
				throw new IllegalStateException("the probe row was imported: " + response.body());
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("activity-service did not learn agreement " + agreementId + " in 5 minutes");
	}

	/**
	 * What to measure when a tenth of the activities is stored and applied.
	 */
	@FunctionalInterface
	interface AtTenth {

		void measure(Fixtures.Partners loaded, int activities) throws Exception;

	}

}
