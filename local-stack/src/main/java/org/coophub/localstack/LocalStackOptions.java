package org.coophub.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coophub.localstack.process.StackService;

/**
 * What to start and where. The defaults are those of the command line: the fixed ports
 * the README lists, data in {@code .local-stack/} of the current directory, MongoDB data
 * in an H2 file, identity-service, the four services and the workspace, and the demo
 * data. Tests typically call {@link #freePorts()}, give a temporary
 * {@link #dataDirectory(Path)} and choose the services they need.
 */
public final class LocalStackOptions {

	private Path dataDirectory = Path.of(".local-stack");

	private Path projectRoot = Path.of("");

	private int kafkaPort = 9092;

	private int kafkaControllerPort = 9093;

	private int mongoPort = 27017;

	private int smtpPort = 3025;

	private int mailViewerPort = 8025;

	private final Map<StackService, Integer> servicePorts = new EnumMap<>(StackService.class);

	private boolean persistentMongo = true;

	private EnumSet<StackService> services = EnumSet.allOf(StackService.class);

	private boolean demoData = true;

	private boolean adjustableClocks;

	/**
	 * How the services' JVMs start: small heaps, and C1 only, since six JVMs share two
	 * cores and C2 would spend minutes of CPU compiling in each.
	 */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
			"-Dfile.encoding=UTF-8");

	private final List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);

	private final List<String> serviceArguments = new ArrayList<>();

	private Duration healthTimeout = Duration.ofSeconds(180);

	private Duration stopGracePeriod = Duration.ofSeconds(15);

	LocalStackOptions() {
		for (StackService service : StackService.values()) {
			this.servicePorts.put(service, service.defaultPort());
		}
	}

	/** Starts what these options describe; close the result to stop it all. */
	public LocalStack start() {
		return LocalStack.start(this);
	}

	/** Every port, infrastructure and services, picked free (0). */
	public LocalStackOptions freePorts() {
		this.kafkaPort = 0;
		this.kafkaControllerPort = 0;
		this.mongoPort = 0;
		this.smtpPort = 0;
		this.mailViewerPort = 0;
		this.servicePorts.replaceAll((service, port) -> 0);
		return this;
	}

	/** Kafka data in {@code kafka/}, MongoDB in {@code mongo/}, logs in {@code logs/}. */
	public LocalStackOptions dataDirectory(Path dataDirectory) {
		this.dataDirectory = dataDirectory;
		return this;
	}

	/**
	 * The folder holding {@code <service>/target/<service>.jar}; the current one by
	 * default.
	 */
	public LocalStackOptions projectRoot(Path projectRoot) {
		this.projectRoot = projectRoot;
		return this;
	}

	public LocalStackOptions kafkaPort(int port) {
		this.kafkaPort = port;
		return this;
	}

	public LocalStackOptions kafkaControllerPort(int port) {
		this.kafkaControllerPort = port;
		return this;
	}

	public LocalStackOptions mongoPort(int port) {
		this.mongoPort = port;
		return this;
	}

	public LocalStackOptions smtpPort(int port) {
		this.smtpPort = port;
		return this;
	}

	public LocalStackOptions mailViewerPort(int port) {
		this.mailViewerPort = port;
		return this;
	}

	public LocalStackOptions servicePort(StackService service, int port) {
		this.servicePorts.put(service, port);
		return this;
	}

	/** MongoDB data in memory instead of an H2 file: lost when the stack stops. */
	public LocalStackOptions inMemoryMongo() {
		this.persistentMongo = false;
		return this;
	}

	/**
	 * The services to start as processes; none for the infrastructure alone.
	 * identity-service comes with any of them: they accept no request without its tokens.
	 */
	public LocalStackOptions services(StackService... services) {
		this.services = services.length == 0 ? EnumSet.noneOf(StackService.class) : EnumSet.of(services[0], services);
		if (!this.services.isEmpty()) {
			this.services.add(StackService.IDENTITY);
		}
		return this;
	}

	/** Only Kafka, MongoDB and the SMTP capture. */
	public LocalStackOptions infrastructureOnly() {
		this.services = EnumSet.noneOf(StackService.class);
		return this;
	}

	/**
	 * Whether to load the demo data (needs identity-service, agreement-service and
	 * activity-service; skipped when agreement-service already has organizations).
	 */
	public LocalStackOptions demoData(boolean demoData) {
		this.demoData = demoData;
		return this;
	}

	/**
	 * Starts the four event-driven services with {@code --coophub.clock.adjustable=true},
	 * so that {@link LocalStack#advanceClocks} and {@link LocalStack#setClocksTo} can
	 * move their clocks forward (identity-service keeps the machine's time). For tests
	 * and demos of what happens on a date: never on by default.
	 */
	public LocalStackOptions adjustableClocks() {
		this.adjustableClocks = true;
		return this;
	}

	/** Replaces the JVM options of the service processes. */
	public LocalStackOptions jvmOptions(String... options) {
		this.jvmOptions.clear();
		this.jvmOptions.addAll(List.of(options));
		return this;
	}

	/**
	 * Adds Spring Boot arguments for every service, e.g.
	 * {@code --logging.level.org.coophub=DEBUG}.
	 */
	public LocalStackOptions serviceArguments(String... arguments) {
		this.serviceArguments.addAll(List.of(arguments));
		return this;
	}

	public LocalStackOptions healthTimeout(Duration timeout) {
		this.healthTimeout = timeout;
		return this;
	}

	public LocalStackOptions stopGracePeriod(Duration gracePeriod) {
		this.stopGracePeriod = gracePeriod;
		return this;
	}

	Path dataDirectory() {
		return this.dataDirectory.toAbsolutePath().normalize();
	}

	Path projectRoot() {
		return this.projectRoot.toAbsolutePath().normalize();
	}

	int kafkaPort() {
		return this.kafkaPort;
	}

	int kafkaControllerPort() {
		return this.kafkaControllerPort;
	}

	int mongoPort() {
		return this.mongoPort;
	}

	int smtpPort() {
		return this.smtpPort;
	}

	int mailViewerPort() {
		return this.mailViewerPort;
	}

	int servicePort(StackService service) {
		return this.servicePorts.get(service);
	}

	boolean persistentMongo() {
		return this.persistentMongo;
	}

	Set<StackService> selectedServices() {
		return EnumSet.copyOf(this.services);
	}

	boolean demoData() {
		return this.demoData;
	}

	boolean clocksAdjustable() {
		return this.adjustableClocks;
	}

	List<String> jvmOptions() {
		return List.copyOf(this.jvmOptions);
	}

	List<String> serviceArguments() {
		return List.copyOf(this.serviceArguments);
	}

	Duration healthTimeout() {
		return this.healthTimeout;
	}

	Duration stopGracePeriod() {
		return this.stopGracePeriod;
	}

}
