package org.coophub.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coophub.localstack.StackService;

/**
 * CPU and memory of the stack's processes from {@code /proc/<pid>/stat} and
 * {@code status}, the whole machine's CPU from {@code /proc/stat} (so the load of other
 * people's processes is measured, not guessed), and each service's heap from its own
 * Prometheus metrics.
 */
final class ProcessSampler {

	/**
	 * USER_HZ: the unit of /proc's CPU times on every Linux architecture Java runs on.
	 */
	static final double TICKS_PER_SECOND = 100;

	private final MeasuredStack stack;

	private final Api api;

	private final Map<String, Double> maxLiveHeap = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, Double> maxUsedHeap = new java.util.concurrent.ConcurrentHashMap<>();

	ProcessSampler(MeasuredStack stack, Api api) {
		this.stack = stack;
		this.api = api;
	}

	Snapshot snapshot() {
		Map<String, Long> pids = this.stack.processes();
		Map<String, Long> ticks = new LinkedHashMap<>();
		pids.forEach((name, pid) -> ticks.put(name, cpuTicks(pid)));
		long[] machine = machineTicks();
		return new Snapshot(System.nanoTime(), pids, ticks, machine[0], machine[1]);
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
			Heap heap = heap(name);
			row.put("heap used MB", (heap != null) ? mb(heap.used()) : Double.NaN);
			row.put("live heap after GC MB", (heap != null) ? mb(heap.liveAfterGc()) : Double.NaN);
			row.put("MongoDB commands so far", (heap != null) ? heap.mongoCommands() : Double.NaN);
			if (heap != null) {
				this.maxUsedHeap.merge(name, mb(heap.used()), Math::max);
				if (heap.liveAfterGc() >= 0) {
					this.maxLiveHeap.merge(name, mb(heap.liveAfterGc()), Math::max);
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
	 * The service's heap, or null if its metrics cannot be read (identity-service
	 * publishes none).
	 */
	Heap heap(String moduleName) {
		for (StackService service : StackService.eventDriven()) {
			if (service.moduleName().equals(moduleName)) {
				return heap(this.stack.url(service));
			}
		}
		return null;
	}

	private Heap heap(URI url) {
		try {
			HttpResponse<String> response = this.api.send(url, "GET", "/actuator/prometheus", null, null);
			return (response.statusCode() == 200) ? Heap.parse(response.body()) : null;
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
	 * CPU times of the watched processes and the machine at one moment.
	 */
	record Snapshot(long nanos, Map<String, Long> pids, Map<String, Long> ticks, long machineBusy, long machineTotal) {
	}

	/**
	 * A service's heap from its Prometheus text: used now (all heap pools) and the old
	 * generation's size after the last full or concurrent collection; with it, how many
	 * commands the service has sent to MongoDB, which bounds what the shared server can
	 * carry.
	 */
	record Heap(long used, long liveAfterGc, double gcPauseSeconds, double mongoCommands) {

		static Heap parse(String prometheus) {
			double used = 0;
			double live = -1;
			double pauses = 0;
			double commands = 0;
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
				else if (line.startsWith("mongodb_driver_commands_seconds_count")) {
					commands += value;
				}
			}
			// zero until the first old-generation collection: not known yet
			return new Heap((long) used, (live > 0) ? (long) live : -1, pauses, commands);
		}

	}

}
