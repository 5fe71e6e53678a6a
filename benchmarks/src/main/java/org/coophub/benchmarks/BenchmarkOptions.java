package org.coophub.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;

/**
 * The command line. Without {@code --kafka=} the benchmark starts its own local stack
 * (free ports, in-memory MongoDB, no demo data, the services with a deployment's JVM
 * options); with it, it attaches to a running one and signs in at its identity-service as
 * the scripts' client.
 */
record BenchmarkOptions(boolean quick, int runs, Set<String> phases, int windowSeconds, int warmupSeconds,
		List<Integer> rates, int scaleAgreements, int scalePerAgreement, int preloadSchedules, int reminderAgreements,
		int reminderWaitSeconds, int queryRequests, Path output, Path document, Path projectRoot,
		List<String> serviceJvmOptions, List<String> serviceArguments, String kafka, String mongo, URI mailApi,
		Map<StackService, URI> serviceUrls, int lagPollMillis, int healthTimeoutSeconds, String scriptsSecret) {

	/**
	 * How a deployment starts the services: the Dockerfiles'
	 * {@code -XX:MaxRAMPercentage=75} and docker-compose's
	 * {@code JAVA_TOOL_OPTIONS=-Xmx256m} (which wins), UTF-8 as the image's locale gives
	 * it. No start-up tuning (the local stack's {@code -XX:TieredStopAtLevel=1}): the
	 * collector and the JIT are the JVM's own choice, as in production.
	 */
	static final List<String> DEPLOYMENT_JVM_OPTIONS = List.of("-XX:MaxRAMPercentage=75", "-Xmx256m",
			"-Dfile.encoding=UTF-8");

	static final String USAGE = """
			java -jar benchmarks/target/benchmarks.jar [options]
			  --quick                      smoke run: 10 s windows, 1 run, preload 1,000 × 10 activities and 1,000
			                               review schedules, 1,000 reminder agreements
			  --runs=N                     repeat the measurements N times (default 3; quick 1), each on a stack
			                               started afresh and preloaded (attached: one stack, preloaded once)
			  --phases=preload,limits,pipeline,scale,reminders   which parts to run (default all)
			  --window=S                   seconds per rate step (default 60; quick 10)
			  --warmup=S                   seconds at 50/s before the steps, for the JIT (default 60; quick 5)
			  --rates=50,100,200,...       the rising rates, activities/s
			  --scale=AGREEMENTS:PER_AGREEMENT  preloaded first (default 1000:100; quick 1000:10)
			  --schedules=N                review schedules preloaded, the scale agreements' own included
			                               (default 10000; quick 1000)
			  --reminders=AGREEMENTS       agreements whose review reminders are sent (default 10000; quick 1000)
			  --reminder-wait=S            how long to wait for the first reminder before skipping (default 120)
			  --output=PATH                results JSON (default benchmarks/target/results.json)
			  --doc=PATH | --no-doc        Markdown report (default benchmarks/target/performance.md; docs/performance.md keeps a curated summary)
			  --project-root=PATH          folder with <service>/target/<service>.jar (default .)
			  --service-jvm-options="-Xmx256m ..."  JVM options of the services started (default a deployment's:
			                               -XX:MaxRAMPercentage=75 -Xmx256m -Dfile.encoding=UTF-8)
			  --service-arg=--some.property=value   extra Spring Boot argument for every service (repeatable)
			  --health-timeout=S           how long the services may take to start (default 600: a busy machine is slow)
			  attach to a running stack instead of starting one:
			  --kafka=HOST:PORT --mongo=mongodb://HOST:PORT --mail-api=http://HOST:8025
			  --agreement-url=http://localhost:8081 --activity-url=... --reporting-url=... --notification-url=...
			  --identity-url=http://127.0.0.1:9000  where tokens come from (the issuer the services accept)
			  --scripts-secret=SECRET      secret of the client coophub-scripts (default: the local stack's)
			""";

	static BenchmarkOptions parse(String... args) {
		boolean quick = Arrays.asList(args).contains("--quick");
		int runs = quick ? 1 : 3;
		Set<String> phases = new LinkedHashSet<>(List.of("preload", "limits", "pipeline", "scale", "reminders"));
		int window = quick ? 10 : 60;
		int warmup = quick ? 5 : 60;
		List<Integer> rates = List.of(50, 100, 200, 300, 400, 700, 1000, 1500, 2000);
		int scaleAgreements = 1000;
		int perAgreement = quick ? 10 : 100;
		int schedules = quick ? 1000 : 10000;
		int reminders = quick ? 1000 : 10000;
		int reminderWait = 120;
		int healthTimeout = 600;
		Path output = Path.of("benchmarks/target/results.json");
		Path document = Path.of("benchmarks/target/performance.md");
		Path root = Path.of("");
		// the services start as a deployment starts them, not tuned for a quick start
		List<String> jvm = new ArrayList<>(DEPLOYMENT_JVM_OPTIONS);
		List<String> serviceArgs = new ArrayList<>();
		String kafka = null;
		String mongo = null;
		URI mailApi = null;
		Map<StackService, URI> urls = new EnumMap<>(StackService.class);
		String scriptsSecret = LocalStack.SCRIPTS_SECRET;
		for (String arg : args) {
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			switch (name) {
				case "--quick" -> {
				}
				case "--runs" -> runs = Integer.parseInt(value);
				case "--phases" -> phases = new LinkedHashSet<>(List.of(value.split(",")));
				case "--window" -> window = Integer.parseInt(value);
				case "--warmup" -> warmup = Integer.parseInt(value);
				case "--rates" ->
					rates = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
				case "--scale" -> {
					String[] parts = value.split(":");
					scaleAgreements = Integer.parseInt(parts[0]);
					perAgreement = Integer.parseInt(parts[1]);
				}
				case "--schedules" -> schedules = Integer.parseInt(value);
				case "--reminders" -> reminders = Integer.parseInt(value);
				case "--reminder-wait" -> reminderWait = Integer.parseInt(value);
				case "--output" -> output = Path.of(value);
				case "--doc" -> document = Path.of(value);
				case "--no-doc" -> document = null;
				case "--health-timeout" -> healthTimeout = Integer.parseInt(value);
				case "--project-root" -> root = Path.of(value);
				case "--service-jvm-options" -> jvm = List.of(value.trim().split("\\s+"));
				case "--service-arg" -> serviceArgs.add(value);
				case "--kafka" -> kafka = value;
				case "--mongo" -> mongo = value;
				case "--mail-api" -> mailApi = URI.create(value);
				case "--agreement-url" -> urls.put(StackService.AGREEMENT, URI.create(value));
				case "--activity-url" -> urls.put(StackService.ACTIVITY, URI.create(value));
				case "--reporting-url" -> urls.put(StackService.REPORTING, URI.create(value));
				case "--notification-url" -> urls.put(StackService.NOTIFICATION, URI.create(value));
				case "--identity-url" -> urls.put(StackService.IDENTITY, URI.create(value));
				case "--scripts-secret" -> scriptsSecret = value;
				default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
			}
		}
		if (kafka != null) {
			// the issuer's own address, as the local stack gives it to the services
			urls.putIfAbsent(StackService.IDENTITY,
					URI.create("http://127.0.0.1:" + StackService.IDENTITY.defaultPort()));
			for (StackService service : StackService.values()) {
				urls.putIfAbsent(service, URI.create("http://localhost:" + service.defaultPort()));
			}
			if (mongo == null) {
				mongo = "mongodb://localhost:27017";
			}
		}
		return new BenchmarkOptions(quick, runs, phases, window, warmup, rates, scaleAgreements, perAgreement,
				schedules, reminders, reminderWait, quick ? 500 : 2000, output, document, root, jvm, serviceArgs, kafka,
				mongo, mailApi, urls, 10, healthTimeout, scriptsSecret);
	}

	boolean attach() {
		return this.kafka != null;
	}

	boolean runs(String phase) {
		return this.phases.contains(phase);
	}

	String mode() {
		return this.quick ? "quick" : "full";
	}

}
