package org.coophub.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.coophub.localstack.kafka.KafkaBroker;
import org.coophub.localstack.logging.QuietLogging;
import org.coophub.localstack.mail.SmtpCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Kafka broker, MongoDB and SMTP capture shared by all tests of a JVM, started on
 * first use ({@link #get()}) and stopped when the JVM exits.
 * <p>
 * Kafka and MongoDB run in Docker containers (Testcontainers) where a Docker engine is
 * available, else inside the JVM (the local stack's broker and mongo-java-server). The
 * system property {@value #MODE_PROPERTY} or the environment variable
 * {@code COOPHUB_TEST_INFRASTRUCTURE} ({@code auto}, {@code embedded},
 * {@code containers}) overrides the choice. The SMTP capture always runs in the JVM, so
 * tests can read the mail.
 */
public final class TestInfrastructure {

	/** {@code auto} (the default), {@code embedded} or {@code containers}. */
	public static final String MODE_PROPERTY = "coophub.test.infrastructure";

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	/**
	 * How long the shutdown waits for test contexts to close before stopping the servers.
	 */
	private static final Duration CONTEXTS_CLOSING = Duration.ofSeconds(20);

	private static TestInfrastructure instance;

	private final Infrastructure servers;

	private final SmtpCapture smtp;

	private final TestIdentity identity = new TestIdentity();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private TestInfrastructure(Infrastructure servers, SmtpCapture smtp) {
		this.servers = servers;
		this.smtp = smtp;
	}

	/** The shared infrastructure, started on the first call (thread-safe). */
	public static synchronized TestInfrastructure get() {
		if (instance == null) {
			boolean containers = useContainers();
			if (!containers) {
				keepEmbeddedServersQuiet();
			}
			SmtpCapture smtp = SmtpCapture.onFreePorts().start();
			Infrastructure servers = containers ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start();
			instance = new TestInfrastructure(servers, smtp);
			Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-infrastructure-stop"));
		}
		return instance;
	}

	public String kafkaBootstrapServers() {
		return this.servers.kafkaBootstrapServers();
	}

	/** The MongoDB connection string, without a database: each service names its own. */
	public String mongoUri() {
		return this.servers.mongoUri();
	}

	/**
	 * The SMTP capture: {@code messages()} lists the mail received, decoded;
	 * {@code receivedMessages()} the raw MIME messages.
	 */
	public SmtpCapture mail() {
		return this.smtp;
	}

	/** The same as {@link #mail()}. */
	public SmtpCapture smtp() {
		return this.smtp;
	}

	/** Signs tokens the services under test accept, like identity-service's. */
	public TestIdentity identity() {
		return this.identity;
	}

	public boolean usingContainers() {
		return this.servers.usingContainers();
	}

	/**
	 * The in-JVM broker, when not using containers: tests of a broker outage can
	 * {@link KafkaBroker#stop() stop} and {@link KafkaBroker#start() start} it again
	 * (same port, same data).
	 */
	public Optional<KafkaBroker> embeddedKafka() {
		return (this.servers instanceof EmbeddedInfrastructure embedded) ? Optional.of(embedded.kafka())
				: Optional.empty();
	}

	/** The Spring Boot properties that point an application at this infrastructure. */
	public Map<String, String> springProperties() {
		return Map.of("spring.kafka.bootstrap-servers", kafkaBootstrapServers(), "spring.mongodb.uri", mongoUri(),
				"spring.mail.host", this.smtp.smtpHost(), "spring.mail.port", String.valueOf(this.smtp.smtpPort()),
				"coophub.security.issuer", TestIdentity.ISSUER, "coophub.security.jwk-set-uri",
				this.identity.jwkSetUri());
	}

	/**
	 * Lets the JVM shutdown wait for this context to close before stopping the servers.
	 */
	synchronized void stopAfter(ConfigurableApplicationContext context) {
		this.contexts.add(context);
	}

	private static boolean useContainers() {
		String mode = Optional.ofNullable(System.getProperty(MODE_PROPERTY))
			.or(() -> Optional.ofNullable(System.getenv("COOPHUB_TEST_INFRASTRUCTURE")))
			.orElse("auto")
			.toLowerCase(Locale.ROOT);
		return switch (mode) {
			case "embedded" -> false;
			case "containers" -> true;
			case "auto" -> DockerClientFactory.instance().isDockerAvailable();
			default ->
				throw new IllegalStateException(MODE_PROPERTY + " must be auto, embedded or containers, not " + mode);
		};
	}

	/**
	 * The broker sets its loggers to WARN when it starts, but Spring Boot may reset
	 * logging for a new application context; as system properties the levels are applied
	 * every time.
	 */
	private static void keepEmbeddedServersQuiet() {
		for (String logger : QuietLogging.EMBEDDED_SERVER_LOGGERS) {
			String property = "logging.level." + logger;
			if (System.getProperty(property) == null) {
				System.setProperty(property, "WARN");
			}
		}
	}

	/**
	 * JVM shutdown hooks run concurrently: Spring closes the cached test contexts in
	 * hooks of its own. Stopping the broker under their feet would make their Kafka
	 * clients retry until they time out, so wait (a bounded time) for the contexts to
	 * close first.
	 */
	private void stop() {
		List<ConfigurableApplicationContext> open;
		synchronized (this) {
			open = List.copyOf(this.contexts);
		}
		try {
			Awaitility.await()
				.atMost(CONTEXTS_CLOSING)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> open.stream().noneMatch(ConfigurableApplicationContext::isActive));
		}
		catch (ConditionTimeoutException ex) {
			log.warn("Test contexts still open after {} s; stopping the test infrastructure anyway",
					CONTEXTS_CLOSING.toSeconds());
		}
		this.smtp.stop();
		this.identity.stop();
		this.servers.stop();
	}

}
