package org.coophub.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service running as its own JVM process, its output appended to its log file. It can
 * be stopped and started again (system tests of crashes and restarts).
 */
public final class ServiceProcess {

	private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

	private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(500);

	private final StackService service;

	private final int port;

	private final List<String> command;

	private final Path workingDirectory;

	private final Path logFile;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Process process;

	public ServiceProcess(StackService service, int port, List<String> command, Path workingDirectory, Path logFile) {
		this.service = service;
		this.port = port;
		this.command = List.copyOf(command);
		this.workingDirectory = workingDirectory;
		this.logFile = logFile;
	}

	public StackService service() {
		return this.service;
	}

	public int port() {
		return this.port;
	}

	/** The base URL, e.g. {@code http://localhost:8081}. */
	public URI url() {
		return URI.create("http://localhost:" + this.port);
	}

	public Path logFile() {
		return this.logFile;
	}

	public List<String> command() {
		return this.command;
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** The operating system's process id, while running. */
	public synchronized long pid() {
		if (this.process == null) {
			throw new IllegalStateException(this.service.moduleName() + " is not running");
		}
		return this.process.pid();
	}

	public synchronized ServiceProcess start() {
		if (isRunning()) {
			return this;
		}
		try {
			Files.createDirectories(this.logFile.getParent());
			Files.writeString(this.logFile,
					"%n===== %s starting at %s =====%n".formatted(this.service.moduleName(), Instant.now()),
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			this.process = new ProcessBuilder(this.command).directory(this.workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(this.logFile.toFile()))
				.start();
			// nothing is ever typed into a service
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.service.moduleName(), ex);
		}
		log.info("Started {} (pid {}), log in {}", this.service.moduleName(), this.process.pid(), this.logFile);
		return this;
	}

	/**
	 * Waits until the readiness probe, {@code /actuator/health/readiness}, answers 200:
	 * the service reaches its MongoDB and Kafka.
	 * @throws ServiceStartException if the process exits or the time runs out
	 */
	public void awaitHealthy(Duration timeout) {
		URI health = url().resolve("/actuator/health/readiness");
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			Process running;
			synchronized (this) {
				running = this.process;
			}
			if (running == null || !running.isAlive()) {
				throw new ServiceStartException(this, "exited with code "
						+ ((running != null) ? running.exitValue() : "?") + " before it was healthy");
			}
			if (answersOk(health)) {
				return;
			}
			pause();
		}
		throw new ServiceStartException(this,
				"did not answer 200 on " + health + " within " + timeout.toSeconds() + " s");
	}

	/**
	 * Stops the process and everything it started: a polite request first (Spring Boot
	 * shuts down gracefully), then, after the grace period, a kill.
	 */
	public void stop(Duration grace) {
		Process running;
		synchronized (this) {
			running = this.process;
			this.process = null;
		}
		if (running == null) {
			return;
		}
		List<ProcessHandle> descendants = running.descendants().toList();
		running.destroy();
		descendants.forEach(ProcessHandle::destroy);
		try {
			if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("{} did not stop within {} s, killing it", this.service.moduleName(), grace.toSeconds());
				running.destroyForcibly();
				running.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		log.info("Stopped {}", this.service.moduleName());
	}

	/**
	 * Kills the process at once (SIGKILL, as {@code kill -9}): no shutdown hook runs, so
	 * whatever was in flight is cut off. {@link #start()} brings it back.
	 */
	public void kill() {
		Process running;
		synchronized (this) {
			running = this.process;
			this.process = null;
		}
		if (running == null) {
			return;
		}
		running.descendants().forEach(ProcessHandle::destroyForcibly);
		running.destroyForcibly();
		try {
			running.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		log.info("Killed {} (pid {})", this.service.moduleName(), running.pid());
	}

	/** The last lines of the log file, to show why a service failed. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.logFile, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(cannot read " + this.logFile + ": " + ex.getMessage() + ")";
		}
	}

	private boolean answersOk(URI uri) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this.service.moduleName(), ex);
		}
	}

	private static void pause() {
		try {
			// runtime code polling a process that starts in tens of seconds, not a test
			Thread.sleep(HEALTH_POLL_INTERVAL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a service", ex);
		}
	}

}
