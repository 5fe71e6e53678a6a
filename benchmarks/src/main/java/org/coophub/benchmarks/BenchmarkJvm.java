package org.coophub.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM the benchmark measures from, which also holds the embedded Kafka broker,
 * MongoDB-wire server and SMTP capture. A plain {@code java -jar} gets a quarter of the
 * machine's memory as its largest heap (6 GB of 24), and the in-memory MongoDB-wire
 * server keeps every document on the heap: the preload and one repetition fill about 5
 * GB, and on 2026-12-05 the second repetition of a full run ran into back-to-back full
 * collections of 5 to 20 s each (docs/performance.md). So the benchmark starts itself
 * once more in a JVM with {@link #OPTIONS} and waits for it; options given to the first
 * JVM come after them and win.
 */
final class BenchmarkJvm {

	/**
	 * Half of the memory: the services' five JVMs take about 2.5 GB of the rest. The heap
	 * holds GBs of live documents, over which G1's adaptive start of a concurrent mark
	 * began one every 25 s or so (58 in a repetition's first 24 minutes, a quarter of a
	 * core at 200 activities a second); started at three quarters of the heap, a mark
	 * runs when there is garbage to find (docs/performance.md, 2026-12-05, late morning).
	 */
	static final List<String> OPTIONS = List.of("-XX:MaxRAMPercentage=50", "-XX:-G1UseAdaptiveIHOP",
			"-XX:InitiatingHeapOccupancyPercent=75");

	/** Set in the JVM that measures, to the options it was started with. */
	private static final String STARTED_WITH = "coophub.benchmark.jvm-options";

	private BenchmarkJvm() {
	}

	/**
	 * @return the options this JVM was started with when it is the one that measures,
	 * else null
	 */
	static String options() {
		return System.getProperty(STARTED_WITH);
	}

	/**
	 * Whether the benchmark should start again with {@link #OPTIONS}: not yet done, and
	 * this JVM runs the benchmark's own jar (not a test or an IDE), so the jar can be
	 * started again.
	 */
	static boolean shouldRestart() {
		String classPath = System.getProperty("java.class.path", "");
		return options() == null && classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator);
	}

	/**
	 * Starts the benchmark's jar again in a JVM with {@link #OPTIONS}, sharing this one's
	 * console, and waits for it; a stop of this JVM (Ctrl-C) stops it too, which then
	 * stops the stack it started.
	 * @param args the benchmark's arguments
	 * @return its exit code
	 */
	static int restart(String[] args) throws IOException, InterruptedException {
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
		List<String> options = new ArrayList<>(OPTIONS);
		options.addAll(given);
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(options);
		command.add("-D" + STARTED_WITH + "=" + String.join(" ", options));
		command.add("-jar");
		command.add(System.getProperty("java.class.path"));
		command.addAll(List.of(args));
		Process benchmark = new ProcessBuilder(command).inheritIO().start();
		Thread stop = new Thread(() -> {
			benchmark.destroy();
			try {
				benchmark.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "stop-benchmark");
		Runtime.getRuntime().addShutdownHook(stop);
		int exit = benchmark.waitFor();
		Runtime.getRuntime().removeShutdownHook(stop);
		return exit;
	}

}
