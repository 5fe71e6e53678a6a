package org.coophub.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.apache.kafka.common.utils.AppInfoParser;
import org.coophub.localstack.process.StackService;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the benchmark: starts (or attaches to) a local stack, measures the
 * infrastructure's own limit, the read paths at scale, the pipeline at rising rates and
 * the review reminders, and writes benchmarks/target/results.json and a section of
 * benchmarks/target/performance.md (docs/performance.md keeps curated copies).
 */
public final class BenchmarkCommand {

	private final BenchmarkOptions options;

	private final Map<String, Object> conditions = new LinkedHashMap<>();

	private final List<RunResult> runs = new ArrayList<>();

	/** The loaded data of an attached stack, kept for its later runs. */
	private Preload preload;

	private long refused;

	private BenchmarkCommand(BenchmarkOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		if (List.of(args).contains("--help")) {
			System.out.println(BenchmarkOptions.USAGE);
			return;
		}
		if (BenchmarkJvm.shouldRestart()) {
			System.exit(BenchmarkJvm.restart(args));
		}
		long refused = new BenchmarkCommand(BenchmarkOptions.parse(args)).run();
		// the HTTP client's and Kafka's threads must not keep the JVM alive
		System.exit((refused == 0) ? 0 : 1);
	}

	private static String benchmarkJvmOptions() {
		String options = BenchmarkJvm.options();
		if (options == null) {
			options = String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
		}
		long maxHeap = Runtime.getRuntime().maxMemory() >> 20;
		return (options.isBlank() ? "none" : options) + "; largest heap " + maxHeap + " MB";
	}

	/**
	 * @return how many requests were refused for want of a valid token (401) or role
	 * (403): none, or the figures measured something else
	 */
	private long run() throws Exception {
		Instant started = Instant.now();
		String loadBefore = loadAverage();
		describeConditions(started);
		System.out.printf("Cooperation Hub benchmark, %s mode, %d run(s)%n", this.options.mode(), this.options.runs());
		// a started stack is started afresh for every run, so every run measures the same
		// grown store: on one stack each run's own activities and agreements grew the
		// store of the next (docs/performance.md, "Method")
		MeasuredStack attached = this.options.attach() ? MeasuredStack.startOrAttach(this.options) : null;
		long refused = 0;
		for (int run = 1; run <= this.options.runs(); run++) {
			System.out.printf("== run %d of %d ==%n", run, this.options.runs());
			long stackStart = System.nanoTime();
			MeasuredStack stack = (attached != null) ? attached : startFresh();
			try {
				this.conditions.put("stack", stack.embedded() ? "started afresh by the benchmark for every run (in "
						+ Math.round((System.nanoTime() - stackStart) / 1e9)
						+ " s for the last): Kafka, MongoDB-wire (in memory) and SMTP capture in the benchmark JVM, "
						+ "services as JVMs" : "attached, the same for every run: " + this.options.kafka());
				refused = measure(run, stack, loadBefore, started);
			}
			finally {
				if (attached == null) {
					stack.close();
				}
			}
		}
		System.out.printf("Requests refused the caller (401/403): %d%n", refused);
		return refused;
	}

	private MeasuredStack startFresh() throws IOException {
		// the previous run's store is garbage now: the next starts with an empty heap
		System.gc();
		System.out.println("starting the stack...");
		MeasuredStack stack = MeasuredStack.startOrAttach(this.options);
		// Ctrl-C must not leave the service processes behind
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-stack"));
		return stack;
	}

	/**
	 * One run: every phase asked for, on a stack of its own or, attached, on the one
	 * stack, where only the first run loads the data.
	 * @return the requests refused the caller so far
	 */
	private long measure(int run, MeasuredStack stack, String loadBefore, Instant started) throws Exception {
		boolean fresh = stack.embedded();
		this.conditions.put("service JVM options", serviceJvmOptions(stack, List.of()));
		this.conditions.put("benchmark JVM options (it holds the embedded Kafka, MongoDB-wire and SMTP)",
				benchmarkJvmOptions());
		if (this.options.runs("preload") || this.options.runs("scale")) {
			this.conditions.put("preload", Preload.describe(this.options, fresh));
		}
		Api api = new Api(stack::accessToken);
		ProcessSampler sampler = new ProcessSampler(stack, api);
		Fixtures fixtures = new Fixtures(api, stack);
		Preload preload = (fresh || this.preload == null) ? new Preload(api, stack, sampler, this.options)
				: this.preload;
		this.preload = preload;
		ScaleBenchmark scale = new ScaleBenchmark(api, stack, preload, this.options);
		ProcessSampler.Snapshot runStart = sampler.snapshot();
		RunResult result = new RunResult();
		Growth growth = new Growth();
		if (this.options.runs("preload") && (fresh || run == 1)) {
			// every figure, the limits' too, is taken with the grown store; the growth
			// rule's figures also with a tenth of it, on the way
			Preload.AtTenth atTenth = (this.options.runs("pipeline") && this.options.runs("scale"))
					? (loaded, activities) -> measureAtTenth(run, stack, api, sampler, fixtures, scale, loaded,
							growth.atTenth(activities), activities)
					: null;
			phase(result, "preload", () -> preload.run(fixtures, result, atTenth));
		}
		if (this.options.runs("limits")) {
			phase(result, "limits", () -> new LimitsBenchmark(stack, this.options).run(result));
		}
		if (this.options.runs("scale")) {
			// before the pipeline: the reads and the rebuild measure the preloaded store,
			// not what the rate steps add to it (300/s for 60 s adds 18,000 activities)
			phase(result, "scale", () -> scale.run(fixtures, result));
		}
		if (this.options.runs("pipeline")) {
			// fresh agreements per run, so no run starts with another's dashboards
			Fixtures.Partners partners = fixtures.agreements("pipeline" + run, 20, true, 200, 7);
			awaitAccepted(api, stack, partners);
			phase(result, "pipeline",
					() -> new PipelineBenchmark(api, stack, sampler, this.options).run(partners, result));
		}
		if (this.options.runs("reminders") && (fresh || run == 1)) {
			// on one stack, a second set of reminder agreements would grow the store
			// the later runs measure
			phase(result, "reminders", () -> new ReminderBenchmark(api, stack, this.options).run(fixtures, result));
		}
		growth.compare(result);
		// memory at the end of the run, after everything was loaded
		ProcessSampler.Snapshot now = sampler.snapshot();
		result.detail("processes during the run", sampler.between(runStart, now));
		measureHeap(sampler, result);
		this.conditions.put("service JVM options", serviceJvmOptions(stack, sampler.collectors()));
		this.runs.add(result);
		this.conditions.put("other processes' CPU during the last run", sampler.otherProcessesCores(runStart, now)
				+ " cores of " + Runtime.getRuntime().availableProcessors() + " (measured from /proc/stat)");
		this.conditions.put("load average (1, 5, 15 min) before → after", loadBefore + " → " + loadAverage());
		this.conditions.put("duration", Duration.between(started, Instant.now()).toSeconds() + " s");
		this.refused += api.refusedCaller();
		this.conditions.put("requests refused the caller (401/403)", this.refused);
		write(this.runs);
		return this.refused;
	}

	/**
	 * The pipeline as its phase runs it up to 100/s (warm-up until steady, 50/s, 100/s)
	 * and the read paths with a tenth of the activities stored, on agreements of their
	 * own.
	 */
	private void measureAtTenth(int run, MeasuredStack stack, Api api, ProcessSampler sampler, Fixtures fixtures,
			ScaleBenchmark scale, Fixtures.Partners loaded, RunResult atTenth, int activities) throws Exception {
		System.out.printf("-- growth checkpoint: %d activities stored --%n", activities);
		Fixtures.Partners partners = fixtures.agreements("growth" + run, 20, true, 200, 7);
		awaitAccepted(api, stack, partners);
		new PipelineBenchmark(api, stack, sampler, this.options).run(partners, atTenth, List.of(50, 100));
		scale.queries(atTenth, loaded.agreementIds(), activities);
		atTenth.notes().forEach((note) -> System.out.println("  growth checkpoint: " + note));
	}

	private void measureHeap(ProcessSampler sampler, RunResult result) {
		Map<String, Double> live = sampler.maxLiveHeap();
		Map<String, Double> used = sampler.maxUsedHeap();
		if (!live.isEmpty()) {
			Map.Entry<String, Double> largest = live.entrySet()
				.stream()
				.max(Map.Entry.comparingByValue())
				.orElseThrow();
			result.measure("memory.heap.max-used-mb",
					"largest live heap after GC of any service (" + largest.getKey() + " in this run)", "MB",
					largest.getValue());
		}
		used.forEach((service, mb) -> result.measure("memory.heap.sampled." + service,
				service + ": largest heap in use sampled (live + garbage, -Xmx256m)", "MB", mb));
	}

	/**
	 * The options the services were started with, and the collectors their metrics named
	 * (the JVM's own choice when the options name none).
	 */
	private String serviceJvmOptions(MeasuredStack stack, java.util.Collection<String> collectors) {
		String options = stack.embedded() ? String.join(" ", this.options.serviceJvmOptions())
				: "as the attached stack started them";
		return options + (collectors.isEmpty() ? "" : "; garbage collectors seen: " + String.join(", ", collectors));
	}

	private void awaitAccepted(Api api, MeasuredStack stack, Fixtures.Partners partners) throws Exception {
		// activity-service accepts an activity once it has read the agreement from Kafka
		URI activities = stack.url(StackService.ACTIVITY);
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		int n = 0;
		for (String agreement : partners.agreementIds()) {
			while (true) {
				HttpResponse<String> response = api.send(activities, "POST", "/api/v1/activities", "application/json",
						Fixtures.conference(partners, agreement, n++));
				if (response.statusCode() == 201) {
					break;
				}
				if (response.statusCode() != 422 || System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"activity-service answered " + response.statusCode() + ": " + response.body());
				}
				Thread.sleep(200);
			}
		}
	}

	private void phase(RunResult result, String name, Phase phase) {
		System.out.printf("-- %s --%n", name);
		long start = System.nanoTime();
		try {
			phase.run();
		}
		catch (Exception ex) {
			ex.printStackTrace();
			result.note("Phase " + name + " failed: " + ex);
		}
		System.out.printf("-- %s done in %.0f s --%n", name, (System.nanoTime() - start) / 1e9);
		// what is measured so far survives a run that is stopped later
		try {
			List<RunResult> sofar = new ArrayList<>(this.runs);
			if (!this.runs.contains(result)) {
				sofar.add(result);
			}
			write(sofar);
		}
		catch (IOException ex) {
			System.err.println("Cannot write the results: " + ex);
		}
	}

	private void write(List<RunResult> runs) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("conditions", this.conditions);
		List<Map<String, Object>> targets = new ArrayList<>();
		Map<String, Stats.Spread> spreads = MarkdownReport.spreads(runs);
		for (Target target : Target.ALL) {
			Map<String, Object> t = new LinkedHashMap<>();
			t.put("target", target.name());
			t.put("goal", target.goal());
			t.put("metric", target.metricKey());
			t.put("verdict", target.judge(spreads.get(target.metricKey())).text());
			targets.add(t);
		}
		json.put("targets", targets);
		json.put("summary", spreads);
		json.put("runs", runs.stream().map(RunResult::toJson).toList());
		Path output = this.options.output();
		if (output.getParent() != null) {
			Files.createDirectories(output.getParent());
		}
		Files.writeString(output,
				JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json));
		System.out.println("Results: " + output.toAbsolutePath());
		if (this.options.document() != null) {
			String title = this.options.quick()
					? "Quick run (smoke: shorter windows, smaller data; not the targets' conditions)" : "Full run";
			String section = MarkdownReport.render(title, this.conditions, runs, Target.ALL);
			Path doc = this.options.document();
			String existing = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
			Files.writeString(doc, MarkdownReport.insert(existing, this.options.mode(), section),
					StandardCharsets.UTF_8);
			System.out.println("Report: " + doc.toAbsolutePath());
		}
	}

	private void describeConditions(Instant started) {
		this.conditions.put("date", started.truncatedTo(ChronoUnit.SECONDS).toString());
		this.conditions.put("mode",
				this.options.mode() + ", " + this.options.runs() + " run(s), " + this.options.windowSeconds()
						+ " s per rate step, rates " + this.options.rates() + ", scale "
						+ this.options.scaleAgreements() + " × " + this.options.scalePerAgreement() + ", "
						+ Math.max(this.options.scaleAgreements(), this.options.preloadSchedules())
						+ " review schedules, reminders for " + this.options.reminderAgreements() + " agreements");
		this.conditions.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
				+ memTotal() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
		this.conditions.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		this.conditions.put("versions", "Spring Boot " + manifestValue("Spring-Boot-Version") + ", Kafka "
				+ AppInfoParser.getVersion() + ", commit " + gitCommit());
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + ", " + parts[1] + ", " + parts[2];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((l) -> l.startsWith("model name"))
				.map((l) -> l.substring(l.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String memTotal() {
		long kb = ProcessSampler.status(ProcessHandle.current().pid()).isEmpty() ? -1 : meminfo();
		return (kb > 0) ? Math.round(kb / 1024.0 / 1024.0) + " GiB RAM" : "? RAM";
	}

	private static long meminfo() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((l) -> l.startsWith("MemTotal"))
				.map((l) -> Long.parseLong(l.replaceAll("\\D", "")))
				.findFirst()
				.orElse(-1L);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static String gitCommit() {
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
			String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return (git.waitFor() == 0) ? out : "?";
		}
		catch (IOException ex) {
			return "?";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "?";
		}
	}

	private static String manifestValue(String name) {
		try {
			Enumeration<URL> manifests = BenchmarkCommand.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
			while (manifests.hasMoreElements()) {
				try (InputStream in = manifests.nextElement().openStream()) {
					String value = new Manifest(in).getMainAttributes().getValue(name);
					if (value != null) {
						return value;
					}
				}
			}
		}
		catch (IOException ex) {
			// unknown
		}
		return "?";
	}

	@FunctionalInterface
	private interface Phase {

		void run() throws Exception;

	}

}
