package org.coophub.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coophub.localstack.process.StackService;

/**
 * CPU and memory of the stack's processes from {@code /proc/<pid>/stat} and
 * {@code status}, the whole machine's CPU from {@code /proc/stat} (so the load of other
 * people's processes is measured, not guessed), and each service's heap and MongoDB
 * commands from its own Prometheus metrics.
 */
final class ProcessSampler {

	/**
	 * USER_HZ: the unit of /proc's CPU times on every Linux architecture Java runs on.
	 */
	static final double TICKS_PER_SECOND = 100;

	/**
	 * The threads of this JVM that generate the load and watch the stack (by name: the
	 * HTTP client's, the lag monitors' and their Kafka clients'), not the Kafka broker,
	 * MongoDB-wire server and SMTP capture that run beside them.
	 */
	static final List<String> LOAD_GENERATOR_THREADS = List.of("benchmark-http", "HttpClient-", "lag-monitor-",
			"kafka-admin-client-thread", "kafka-producer-network-thread", "kafka-coordinator-heartbeat-thread");

	private final MeasuredStack stack;

	private final Api api;

	private final Map<String, Double> maxLiveHeap = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, Double> maxUsedHeap = new java.util.concurrent.ConcurrentHashMap<>();

	private final Set<String> collectors = new java.util.concurrent.ConcurrentSkipListSet<>();

	ProcessSampler(MeasuredStack stack, Api api) {
		this.stack = stack;
		this.api = api;
	}

	Snapshot snapshot() {
		Map<String, Long> pids = this.stack.processes();
		Map<String, Long> ticks = new LinkedHashMap<>();
		pids.forEach((name, pid) -> ticks.put(name, cpuTicks(pid)));
		long[] machine = machineTicks();
		Map<String, Map<String, Double>> mongoCommands = new LinkedHashMap<>();
		pids.keySet().forEach((name) -> {
			ServiceMetrics metrics = metrics(name);
			if (metrics != null) {
				mongoCommands.put(name, metrics.mongoCommands());
			}
		});
		long loadGenerator = this.stack.embedded() ? loadGeneratorTicks() : -1;
		return new Snapshot(System.nanoTime(), pids, ticks, machine[0], machine[1], mongoCommands, loadGenerator);
	}

	/**
	 * One row per process: CPU between the snapshots (100 % = one core), resident memory
	 * now and at its peak, and for services heap used and live after the last GC.
	 */
	List<Map<String, Object>> between(Snapshot from, Snapshot to) {
		double seconds = (to.nanos() - from.nanos()) / 1e9;
		List<Map<String, Object>> rows = new ArrayList<>();
		to.pids().forEach((name, pid) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("process", name);
			row.put("pid", pid);
			long before = from.ticks().getOrDefault(name, -1L);
			long after = to.ticks().getOrDefault(name, -1L);
			row.put("cpu %", (before >= 0 && after >= 0)
					? Stats.round((after - before) / TICKS_PER_SECOND / seconds * 100) : Double.NaN);
			Map<String, Long> status = status(pid);
			row.put("RSS MB", mb(status.getOrDefault("VmRSS", -1L) * 1024));
			row.put("peak RSS MB", mb(status.getOrDefault("VmHWM", -1L) * 1024));
			ServiceMetrics metrics = metrics(name);
			row.put("heap used MB", (metrics != null) ? mb(metrics.used()) : Double.NaN);
			row.put("live heap after GC MB", (metrics != null) ? mb(metrics.liveAfterGc()) : Double.NaN);
			row.put("MongoDB commands so far", (metrics != null) ? metrics.mongoCommandsTotal() : Double.NaN);
			if (metrics != null) {
				this.collectors.addAll(metrics.collectors());
				this.maxUsedHeap.merge(name, mb(metrics.used()), Math::max);
				if (metrics.liveAfterGc() >= 0) {
					this.maxLiveHeap.merge(name, mb(metrics.liveAfterGc()), Math::max);
				}
			}
			rows.add(row);
		});
		return rows;
	}

	/**
	 * The largest live heap after GC seen in any service so far, by service.
	 */
	Map<String, Double> maxLiveHeap() {
		return Map.copyOf(this.maxLiveHeap);
	}

	/**
	 * The largest heap in use (live and garbage) sampled in any service so far, by
	 * service.
	 */
	Map<String, Double> maxUsedHeap() {
		return Map.copyOf(this.maxUsedHeap);
	}

	/**
	 * The garbage collectors the services' metrics named so far (the JVM picks one when
	 * the options name none).
	 */
	List<String> collectors() {
		return List.copyOf(this.collectors);
	}

	/**
	 * CPU the rest of the machine used between the snapshots, in cores: busy time minus
	 * what the stack's processes used.
	 */
	double otherProcessesCores(Snapshot from, Snapshot to) {
		double seconds = (to.nanos() - from.nanos()) / 1e9;
		long ours = 0;
		for (String name : to.ticks().keySet()) {
			long before = from.ticks().getOrDefault(name, -1L);
			long after = to.ticks().get(name);
			if (before >= 0 && after >= 0) {
				ours += after - before;
			}
		}
		long busy = to.machineBusy() - from.machineBusy();
		return Math.round(Math.max(0, busy - ours) / TICKS_PER_SECOND / seconds * 100) / 100.0;
	}

	/**
	 * The service's metrics, or null if they cannot be read (identity-service publishes
	 * none, the benchmark's own process is not a service).
	 */
	ServiceMetrics metrics(String moduleName) {
		for (StackService service : StackService.eventDriven()) {
			if (service.moduleName().equals(moduleName)) {
				return metrics(this.stack.url(service));
			}
		}
		return null;
	}

	private ServiceMetrics metrics(URI url) {
		try {
			HttpResponse<String> response = this.api.send(url, "GET", "/actuator/prometheus", null, null);
			return (response.statusCode() == 200) ? ServiceMetrics.parse(response.body()) : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static double mb(long bytes) {
		return (bytes < 0) ? Double.NaN : Stats.round(bytes / 1024.0 / 1024.0);
	}

	static long cpuTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			// fields after the command name, which may contain spaces: state is field 3
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * CPU of this JVM's load generator threads that are alive now, in ticks; -1 if the
	 * JVM cannot tell. A thread that ended is no longer counted, so what it used shows as
	 * the stack's: the threads named are long-lived.
	 */
	static long loadGeneratorTicks() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
			return -1;
		}
		long nanos = 0;
		for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (thread != null && isLoadGenerator(thread.getThreadName())) {
				nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return Math.round(nanos / 1e9 * TICKS_PER_SECOND);
	}

	static boolean isLoadGenerator(String threadName) {
		// main runs the open-loop ticker and the fixtures
		return threadName.equals("main") || LOAD_GENERATOR_THREADS.stream().anyMatch(threadName::startsWith);
	}

	static Map<String, Long> status(long pid) {
		Map<String, Long> values = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("Vm")) {
					String[] parts = line.split("\\s+");
					values.put(parts[0].replace(":", ""), Long.parseLong(parts[1]));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process is gone: no values
		}
		return values;
	}

	private static long[] machineTicks() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(cpu.length, 9); i++) {
				total += Long.parseLong(cpu[i]);
			}
			long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	/**
	 * CPU times of the watched processes and the machine at one moment, the MongoDB
	 * commands each service had sent by then, by command name, and the CPU of this JVM's
	 * load generator threads when it runs the stack too (-1 otherwise).
	 */
	record Snapshot(long nanos, Map<String, Long> pids, Map<String, Long> ticks, long machineBusy, long machineTotal,
			Map<String, Map<String, Double>> mongoCommands, long loadGeneratorTicks) {
	}

	/**
	 * A service's metrics from its Prometheus text: heap used now (all heap pools) and
	 * the old generation's size after the last full or concurrent collection, the
	 * collectors that paused it, and how many commands it has sent to MongoDB by command
	 * name (Micrometer's {@code mongodb.driver.commands}, which Spring Boot registers on
	 * the driver; docs/performance.md).
	 */
	record ServiceMetrics(long used, long liveAfterGc, double gcPauseSeconds, Map<String, Double> mongoCommands,
			Set<String> collectors) {

		private static final Pattern COMMAND = Pattern.compile("command=\"([^\"]*)\"");

		private static final Pattern GC = Pattern.compile("gc=\"([^\"]*)\"");

		static ServiceMetrics parse(String prometheus) {
			double used = 0;
			double live = -1;
			double pauses = 0;
			Map<String, Double> commands = new TreeMap<>();
			Set<String> collectors = new TreeSet<>();
			for (String line : prometheus.split("\n")) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				double value;
				try {
					value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
				catch (NumberFormatException ex) {
					continue;
				}
				if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
					used += value;
				}
				else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
					live = Math.max(live, value);
				}
				else if (line.startsWith("jvm_gc_pause_seconds_sum")) {
					pauses += value;
				}
				else if (line.startsWith("jvm_gc_pause_seconds_count")) {
					Matcher gc = GC.matcher(line);
					if (gc.find()) {
						collectors.add(gc.group(1));
					}
				}
				else if (line.startsWith("mongodb_driver_commands_seconds_count")) {
					// one line per command, collection, status and server: summed by
					// command
					Matcher command = COMMAND.matcher(line);
					commands.merge(command.find() ? command.group(1) : "?", value, Double::sum);
				}
			}
			// zero until the first old-generation collection: not known yet
			return new ServiceMetrics((long) used, (live > 0) ? (long) live : -1, pauses, commands, collectors);
		}

		/** Every MongoDB command the service has sent since it started. */
		double mongoCommandsTotal() {
			return this.mongoCommands.values().stream().mapToDouble(Double::doubleValue).sum();
		}

	}

}
