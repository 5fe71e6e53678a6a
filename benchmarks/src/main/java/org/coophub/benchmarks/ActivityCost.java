package org.coophub.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What each activity of a pipeline step cost: CPU milliseconds of every watched process
 * and MongoDB commands of every service, in all and by command name, between a snapshot
 * taken before the step's first request and one taken once everything the step caused was
 * applied (so the consumers' work and the mail it sends are in it). Work a service does
 * on its own meanwhile (sweeps, polls) is counted too: a deployment pays for it. When the
 * benchmark's JVM runs the stack's Kafka, MongoDB-wire server and SMTP capture, its load
 * generator threads are counted apart ({@code loadGeneratorMillis}, NaN otherwise) and
 * left out of the totals: they are the users, not the system.
 */
record ActivityCost(long activities, Map<String, Double> cpuMillis, double loadGeneratorMillis,
		Map<String, Double> mongoCommands, Map<String, Map<String, Double>> mongoByCommand) {

	/** The benchmark JVM less its load generator threads. */
	static final String EMBEDDED_INFRASTRUCTURE = "kafka+mongo+smtp";

	static final String LOAD_GENERATOR = "load generator (not in the total)";

	static ActivityCost between(ProcessSampler.Snapshot from, ProcessSampler.Snapshot to, long activities) {
		Map<String, Double> cpu = new LinkedHashMap<>();
		to.ticks().forEach((process, after) -> {
			long before = from.ticks().getOrDefault(process, -1L);
			cpu.put(process,
					(before >= 0 && after >= 0) ? perActivity(millis(after - before), activities) : Double.NaN);
		});
		double loadGenerator = Double.NaN;
		Double embedded = cpu.get(MeasuredStack.EMBEDDED_JVM);
		if (embedded != null && from.loadGeneratorTicks() >= 0 && to.loadGeneratorTicks() >= 0) {
			loadGenerator = perActivity(millis(to.loadGeneratorTicks() - from.loadGeneratorTicks()), activities);
			cpu.remove(MeasuredStack.EMBEDDED_JVM);
			cpu.put(EMBEDDED_INFRASTRUCTURE, Math.max(0, embedded - loadGenerator));
		}
		Map<String, Double> mongo = new LinkedHashMap<>();
		Map<String, Map<String, Double>> byCommand = new LinkedHashMap<>();
		to.mongoCommands().forEach((service, counts) -> {
			Map<String, Double> earlier = from.mongoCommands().get(service);
			if (earlier == null) {
				// its metrics could not be read before the step: no difference to take
				mongo.put(service, Double.NaN);
				return;
			}
			Map<String, Double> commands = new LinkedHashMap<>();
			double total = 0;
			for (Map.Entry<String, Double> count : counts.entrySet()) {
				double sent = count.getValue() - earlier.getOrDefault(count.getKey(), 0.0);
				if (sent > 0) {
					commands.put(count.getKey(), perActivity(sent, activities));
					total += sent;
				}
			}
			mongo.put(service, perActivity(total, activities));
			byCommand.put(service, commands);
		});
		return new ActivityCost(activities, cpu, loadGenerator, mongo, byCommand);
	}

	private static double millis(long ticks) {
		return ticks * 1000 / ProcessSampler.TICKS_PER_SECOND;
	}

	private static double perActivity(double amount, long activities) {
		return (activities > 0) ? amount / activities : Double.NaN;
	}

	/** CPU milliseconds per activity of every watched process together. */
	double totalCpuMillis() {
		return sum(this.cpuMillis);
	}

	/** MongoDB commands per activity of every service together. */
	double totalMongoCommands() {
		return sum(this.mongoCommands);
	}

	/**
	 * One row of the report's CPU table: the step's rate, its activities, ms per activity
	 * of each process and in all.
	 */
	Map<String, Object> cpuRow(int rate) {
		Map<String, Object> row = row(rate, this.cpuMillis, totalCpuMillis());
		if (!Double.isNaN(this.loadGeneratorMillis)) {
			row.put(LOAD_GENERATOR, round2(this.loadGeneratorMillis));
		}
		return row;
	}

	/**
	 * One row of the report's MongoDB table: the step's rate, its activities, commands
	 * per activity of each service and in all.
	 */
	Map<String, Object> mongoRow(int rate) {
		return row(rate, this.mongoCommands, totalMongoCommands());
	}

	/**
	 * Commands per activity by command name (rows) and service (columns): where the
	 * commands go.
	 */
	List<Map<String, Object>> byCommandRows() {
		TreeSet<String> commands = new TreeSet<>();
		this.mongoByCommand.values().forEach((counts) -> commands.addAll(counts.keySet()));
		return commands.stream().map((command) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("command", command);
			double total = 0;
			for (Map.Entry<String, Map<String, Double>> service : this.mongoByCommand.entrySet()) {
				double perActivity = service.getValue().getOrDefault(command, 0.0);
				row.put(service.getKey(), round2(perActivity));
				total += perActivity;
			}
			row.put("total", round2(total));
			return row;
		}).toList();
	}

	private Map<String, Object> row(int rate, Map<String, Double> values, double total) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("rate /s", rate);
		row.put("activities", this.activities);
		values.forEach((process, value) -> row.put(process, round2(value)));
		row.put("total", round2(total));
		return row;
	}

	private static double sum(Map<String, Double> values) {
		if (values.isEmpty() || values.values().stream().anyMatch((v) -> Double.isNaN(v))) {
			return Double.NaN;
		}
		return values.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	/** Two decimals: a command sent for one activity in twenty still shows. */
	static double round2(double value) {
		return (Double.isNaN(value) || Double.isInfinite(value)) ? value : Math.round(value * 100) / 100.0;
	}

}
