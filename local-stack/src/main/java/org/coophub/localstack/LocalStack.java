package org.coophub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coophub.localstack.demo.DemoData;
import org.coophub.localstack.kafka.KafkaBroker;
import org.coophub.localstack.mail.SmtpCapture;
import org.coophub.localstack.mongo.MongoWireServer;
import org.coophub.localstack.process.Ports;
import org.coophub.localstack.process.ServiceClocks;
import org.coophub.localstack.process.ServiceProcess;
import org.coophub.localstack.process.StackService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running local stack: a Kafka broker, a MongoDB-wire server and an SMTP capture in
 * this JVM, and the services as separate JVM processes: identity-service, which issues
 * the tokens, the four services, which accept only requests that carry one, and the
 * workspace, where people sign in and which relays their requests with their token.
 *
 * <pre class="code">
 * try (LocalStack stack = LocalStack.options().freePorts().dataDirectory(tempDir).demoData(false).start()) {
 *     URI agreements = stack.serviceUrl(StackService.AGREEMENT);
 *     String bearer = "Bearer " + stack.accessToken();
 *     String kafka = stack.kafkaBootstrapServers();
 *     List&lt;CapturedMail&gt; mail = stack.smtp().messages();
 * }
 * </pre>
 */
public final class LocalStack implements AutoCloseable {

	/**
	 * The client scripts sign in with (client credentials, scope
	 * {@value #SCRIPTS_SCOPE}): its tokens carry the role ADMIN.
	 */
	public static final String SCRIPTS_CLIENT = "coophub-scripts";

	/**
	 * The secret of {@value #SCRIPTS_CLIENT} in the local stack only: identity-service
	 * has none of its own and refuses placeholders (docs/security.md).
	 */
	public static final String SCRIPTS_SECRET = "local-stack-scripts-secret";

	/**
	 * The key that encrypts identity-service's signing keys in the local stack's MongoDB
	 * (32 bytes, base64): for this machine's demo data only.
	 */
	static final String KEY_ENCRYPTION_KEY = "bG9jYWwtc3RhY2stb25seS1rZXktZW5jcnlwdGlvbiE=";

	public static final String SCRIPTS_SCOPE = "api";

	/** The demo users identity-service creates, all with {@link #DEMO_PASSWORD}. */
	public static final List<String> DEMO_USERS = List.of("admin", "ld-editor", "ld-viewer", "hcm-editor",
			"hcm-viewer");

	/** The demo users' password in the local stack. */
	public static final String DEMO_PASSWORD = "demo-Passw0rd";

	/**
	 * The key reporting-service signs the report links of its mails with, in the local
	 * stack only (reporting-service has no default: a known key would open every report).
	 */
	public static final String REPORT_LINK_KEY = "local-stack-report-links-not-secret";

	/**
	 * The secret of the workspace's OAuth2 client ({@code coophub-workspace}) at
	 * identity-service, in the local stack only: both are told it.
	 */
	public static final String WORKSPACE_SECRET = "local-stack-workspace-secret";

	private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

	private final LocalStackOptions options;

	private final KafkaBroker kafka;

	private final MongoWireServer mongo;

	private final SmtpCapture smtp;

	private final Map<StackService, ServiceProcess> services = new EnumMap<>(StackService.class);

	private final List<ServiceProcess> extraInstances = new ArrayList<>();

	/** Every service's port, resolved up front: each service is told the others'. */
	private final Map<StackService, Integer> ports = new EnumMap<>(StackService.class);

	private final ClientCredentialsToken scriptsToken;

	private DemoData.Outcome demoData;

	private boolean closed;

	private LocalStack(LocalStackOptions options) {
		this.options = options;
		Path data = options.dataDirectory();
		this.kafka = new KafkaBroker(data.resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort());
		this.mongo = options.persistentMongo() ? MongoWireServer.persistent(data.resolve("mongo"), options.mongoPort())
				: MongoWireServer.inMemory(options.mongoPort());
		this.smtp = new SmtpCapture(options.smtpPort(), options.mailViewerPort());
		for (StackService service : StackService.values()) {
			this.ports.put(service, Ports.resolve(options.servicePort(service)));
		}
		this.scriptsToken = new ClientCredentialsToken(identityIssuer(), SCRIPTS_CLIENT, SCRIPTS_SECRET, SCRIPTS_SCOPE);
	}

	/**
	 * Options with the command line's defaults, to adjust and
	 * {@link LocalStackOptions#start() start}.
	 */
	public static LocalStackOptions options() {
		return new LocalStackOptions();
	}

	static LocalStack start(LocalStackOptions options) {
		requireFixedPortsFree(options);
		List<Path> missingJars = options.selectedServices()
			.stream()
			.map((service) -> service.jar(options.projectRoot()))
			.filter((jar) -> !Files.isRegularFile(jar))
			.toList();
		if (!missingJars.isEmpty()) {
			throw new IllegalStateException("Missing service jar(s): " + missingJars
					+ ". Build them first with ./mvnw package -DskipTests (or start only the infrastructure).");
		}
		LocalStack stack = new LocalStack(options);
		try {
			stack.startEverything();
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	private void startEverything() {
		this.kafka.start();
		this.mongo.start();
		this.smtp.start();
		// identity-service first (in the order of StackService); the four services need
		// it only once requests come, so they need not wait for it
		Set<StackService> selected = this.options.selectedServices();
		for (StackService service : selected) {
			if (service != StackService.WORKSPACE) {
				this.services.put(service, newProcess(service).start());
			}
		}
		// the workspace sends every browser to identity-service first: it comes once
		// identity-service answers, so no sign-in meets one still starting
		if (selected.contains(StackService.WORKSPACE)) {
			this.services.get(StackService.IDENTITY).awaitHealthy(this.options.healthTimeout());
			this.services.put(StackService.WORKSPACE, newProcess(StackService.WORKSPACE).start());
		}
		// all services start at once; waiting for each in turn costs no more than the
		// slowest
		for (ServiceProcess process : this.services.values()) {
			process.awaitHealthy(this.options.healthTimeout());
			log.info("{} is healthy on {}", process.service().moduleName(), process.url());
		}
		if (this.options.demoData() && this.services.containsKey(StackService.IDENTITY)
				&& this.services.containsKey(StackService.AGREEMENT)
				&& this.services.containsKey(StackService.ACTIVITY)) {
			this.demoData = new DemoData(serviceUrl(StackService.AGREEMENT), serviceUrl(StackService.ACTIVITY),
					this::accessToken)
				.loadUnlessPresent();
		}
	}

	/**
	 * Starts one more instance of a service on a free port, in the same consumer groups
	 * and on the same database as the first: how a second replica runs in production. It
	 * is stopped with the stack.
	 */
	public synchronized ServiceProcess startAnotherInstance(StackService service) {
		ServiceProcess process = newProcess(service, Ports.resolve(0),
				service.moduleName() + "-" + (this.extraInstances.size() + 2));
		this.extraInstances.add(process);
		process.start().awaitHealthy(this.options.healthTimeout());
		return process;
	}

	private ServiceProcess newProcess(StackService service) {
		return newProcess(service, this.ports.get(service), service.moduleName());
	}

	private ServiceProcess newProcess(StackService service, int port, String logName) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.options.jvmOptions());
		// the services' temporary files (Tomcat's work folders) stay with the stack's
		// data
		command.add("-Djava.io.tmpdir=" + temporaryDirectory());
		command.add("-jar");
		command.add(service.jar(this.options.projectRoot()).toString());
		command.add("--server.port=" + port);
		if (service != StackService.WORKSPACE) {
			// the workspace keeps nothing and sends nothing: it only relays requests
			command.add("--spring.kafka.bootstrap-servers=" + this.kafka.bootstrapServers());
			command.add("--spring.mongodb.uri=" + this.mongo.connectionString());
			command.add("--spring.mail.host=" + this.smtp.smtpHost());
			command.add("--spring.mail.port=" + this.smtp.smtpPort());
		}
		command.addAll(securityArguments(service));
		command.addAll(reportArguments(service));
		if (this.options.clocksAdjustable() && service.isEventDriven()) {
			command.add("--coophub.clock.adjustable=true");
			// a moved clock should expire what ended within moments, not at the next
			// quarter hour
			command.add("--coophub.agreements.expiry-interval=PT5S");
		}
		command.addAll(this.options.serviceArguments());
		Path logFile = this.options.dataDirectory().resolve("logs").resolve(logName + ".log");
		return new ServiceProcess(service, port, command, this.options.projectRoot(), logFile);
	}

	/**
	 * identity-service is told the address it is reached at (the issuer of its tokens),
	 * where the workspace may receive sign-ins, the workspace's and the scripts' secrets;
	 * the workspace, its secret, where identity-service and each service are; every other
	 * service, the issuer whose tokens it accepts (and whose keys it fetches).
	 */
	private List<String> securityArguments(StackService service) {
		if (service == StackService.IDENTITY) {
			int workspace = this.ports.get(StackService.WORKSPACE);
			return List.of("--coophub.identity.issuer=" + identityIssuer(),
					"--coophub.identity.workspace-redirect-uris=http://127.0.0.1:" + workspace
							+ "/login/oauth2/code/identity,http://localhost:" + workspace
							+ "/login/oauth2/code/identity",
					"--coophub.identity.workspace-secret=" + WORKSPACE_SECRET,
					"--coophub.identity.scripts-secret=" + SCRIPTS_SECRET,
					"--coophub.identity.key-encryption-key=" + KEY_ENCRYPTION_KEY, "--coophub.identity.demo-users=true",
					"--coophub.identity.demo-password=" + DEMO_PASSWORD);
		}
		if (service == StackService.WORKSPACE) {
			List<String> arguments = new ArrayList<>(List.of("--coophub.security.issuer=" + identityIssuer(),
					"--coophub.security.identity-url=" + identityIssuer(),
					"--coophub.workspace.client-secret=" + WORKSPACE_SECRET));
			for (StackService relayed : StackService.eventDriven()) {
				arguments.add("--coophub.workspace.services." + shortName(relayed) + "=http://127.0.0.1:"
						+ this.ports.get(relayed));
			}
			return arguments;
		}
		return List.of("--coophub.security.issuer=" + identityIssuer());
	}

	/**
	 * reporting-service signs the links to its reports; notification-service mails them,
	 * so it is told where reporting-service is (its port is free in tests). The
	 * operations dashboard shows the readiness and backlog of identity-service and the
	 * four services, so reporting-service is told where each one is (not the workspace:
	 * it has no outbox and no consumer).
	 */
	private List<String> reportArguments(StackService service) {
		return switch (service) {
			case REPORTING -> {
				List<String> arguments = new ArrayList<>(List.of("--coophub.reports.link-key=" + REPORT_LINK_KEY));
				this.ports.forEach((other, port) -> {
					if (other != StackService.WORKSPACE) {
						arguments
							.add("--coophub.operations.services." + shortName(other) + "=http://127.0.0.1:" + port);
					}
				});
				yield arguments;
			}
			case NOTIFICATION ->
				List.of("--coophub.reports.base-url=http://localhost:" + this.ports.get(StackService.REPORTING));
			default -> List.of();
		};
	}

	/** {@code agreement} for agreement-service: how the properties name a service. */
	private static String shortName(StackService service) {
		return service.moduleName().replace("-service", "");
	}

	/**
	 * The workspace's address for browsers, e.g. {@code http://127.0.0.1:8080}: on
	 * 127.0.0.1 as the issuer, so that sign-ins go back and forth between two ports of
	 * one host (the workspace's redirect URIs name both 127.0.0.1 and localhost).
	 * @throws IllegalArgumentException if the workspace was not started
	 */
	public URI workspaceUrl() {
		return URI.create("http://127.0.0.1:" + service(StackService.WORKSPACE).port());
	}

	/**
	 * identity-service's address, the {@code iss} of its tokens: on 127.0.0.1, where the
	 * services fetch its keys and browsers sign in.
	 */
	public URI identityIssuer() {
		return URI.create("http://127.0.0.1:" + this.ports.get(StackService.IDENTITY));
	}

	/**
	 * A token of the scripts' client ({@value #SCRIPTS_CLIENT}, role ADMIN) from this
	 * stack's identity-service, for {@code Authorization: Bearer <token>}. It is kept and
	 * replaced when less than a minute of its validity (15 minutes) remains: call this
	 * for every request. Thread-safe.
	 * @throws IllegalStateException if identity-service was not started or gives no token
	 */
	public String accessToken() {
		if (!this.services.containsKey(StackService.IDENTITY)) {
			throw new IllegalStateException("identity-service was not started by this stack: no tokens");
		}
		return this.scriptsToken.accessToken();
	}

	/**
	 * Moves the clocks of the four event-driven services forward together (each by the
	 * same amount; calls a few milliseconds apart), as if that much time had passed for
	 * them: what is due then (reminders, a review falling due, its report) happens.
	 * identity-service and token expiry keep the machine's time.
	 * @param amount zero or more
	 * @throws IllegalStateException if the stack was not started with
	 * {@link LocalStackOptions#adjustableClocks()}, or a service refused
	 */
	public void advanceClocks(Duration amount) {
		clocks().advance(amount);
	}

	/**
	 * Moves the clocks of the four event-driven services forward to a moment.
	 * @param moment not before what their clocks say now
	 * @throws IllegalStateException if the stack was not started with
	 * {@link LocalStackOptions#adjustableClocks()}, or a service refused (a moment in
	 * their past)
	 */
	public void setClocksTo(Instant moment) {
		clocks().setTo(moment);
	}

	/**
	 * What a service's clock says: the machine's time, or later after the clocks were
	 * moved.
	 * @param service one of the four event-driven services
	 * @return its current time
	 */
	public Instant clockOf(StackService service) {
		return clocks().now(service);
	}

	private ServiceClocks clocks() {
		if (!this.options.clocksAdjustable()) {
			throw new IllegalStateException("This stack's clocks are not adjustable: start it with "
					+ "LocalStack.options().adjustableClocks()");
		}
		Map<StackService, URI> adjustable = new EnumMap<>(StackService.class);
		this.services.forEach((service, process) -> {
			if (service.isEventDriven()) {
				adjustable.put(service, process.url());
			}
		});
		return new ServiceClocks(adjustable, this::accessToken);
	}

	/**
	 * Stops the services (in parallel, each politely first), then the SMTP capture,
	 * MongoDB and Kafka. Safe to call more than once.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		// one thread per service: each stop may wait out its grace period
		List<ServiceProcess> all = new ArrayList<>(this.extraInstances);
		all.addAll(this.services.values());
		List<Thread> stoppers = all.stream()
			.map((process) -> new Thread(() -> process.stop(this.options.stopGracePeriod()),
					"stop-" + process.service().moduleName()))
			.toList();
		stoppers.forEach(Thread::start);
		for (Thread stopper : stoppers) {
			try {
				stopper.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		quietly("SMTP capture", this.smtp::stop);
		quietly("MongoDB", this.mongo::stop);
		quietly("Kafka", this.kafka::stop);
	}

	public KafkaBroker kafka() {
		return this.kafka;
	}

	public MongoWireServer mongo() {
		return this.mongo;
	}

	public SmtpCapture smtp() {
		return this.smtp;
	}

	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/** The MongoDB connection string, without a database. */
	public String mongoUri() {
		return this.mongo.connectionString();
	}

	/** The service processes started, in the order of {@link StackService}. */
	public Collection<ServiceProcess> services() {
		return List.copyOf(this.services.values());
	}

	public ServiceProcess service(StackService service) {
		ServiceProcess process = this.services.get(service);
		if (process == null) {
			throw new IllegalArgumentException(service.moduleName() + " was not started by this stack");
		}
		return process;
	}

	/** The base URL of a started service, e.g. {@code http://localhost:8081}. */
	public URI serviceUrl(StackService service) {
		return service(service).url();
	}

	public Set<StackService> startedServices() {
		return this.services.keySet();
	}

	/** What loading the demo data did, if it was asked for. */
	public Optional<DemoData.Outcome> demoData() {
		return Optional.ofNullable(this.demoData);
	}

	private Path temporaryDirectory() {
		Path tmp = this.options.dataDirectory().resolve("tmp").toAbsolutePath();
		try {
			Files.createDirectories(tmp);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + tmp, ex);
		}
		return tmp;
	}

	public Path dataDirectory() {
		return this.options.dataDirectory();
	}

	private static void requireFixedPortsFree(LocalStackOptions options) {
		Map<Integer, String> fixed = new LinkedHashMap<>();
		fixed.put(options.kafkaPort(), "Kafka");
		fixed.put(options.kafkaControllerPort(), "Kafka controller");
		fixed.put(options.mongoPort(), "MongoDB");
		fixed.put(options.smtpPort(), "SMTP");
		fixed.put(options.mailViewerPort(), "mail viewer");
		for (StackService service : options.selectedServices()) {
			fixed.put(options.servicePort(service), service.moduleName());
		}
		fixed.forEach((port, usedFor) -> {
			if (port != 0) {
				Ports.requireFree(port, usedFor);
			}
		});
	}

	private static void quietly(String what, Runnable stop) {
		try {
			stop.run();
		}
		catch (RuntimeException ex) {
			log.warn("Stopping {} failed", what, ex);
		}
	}

}
