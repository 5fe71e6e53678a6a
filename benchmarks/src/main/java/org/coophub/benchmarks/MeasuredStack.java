package org.coophub.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.coophub.localstack.ClientCredentialsToken;
import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.ServiceProcess;
import org.coophub.localstack.process.StackService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack under measurement: one this tool started (Kafka, MongoDB-wire server and SMTP
 * capture in this JVM, the services as processes) or a running one it attached to. Either
 * way the benchmark calls the services as the scripts' client, with a token from the
 * stack's identity-service, renewed before it expires (tokens live 15 minutes, a run more
 * than an hour).
 */
final class MeasuredStack implements AutoCloseable {

	/** This JVM when it started the stack: Kafka, MongoDB-wire, SMTP and the load. */
	static final String EMBEDDED_JVM = "benchmark+kafka+mongo+smtp";

	private final LocalStack stack;

	private final BenchmarkOptions options;

	private final HttpClient http = HttpClient.newHttpClient();

	/** The token of an attached stack; one this tool started gives its own. */
	private final ClientCredentialsToken attachedToken;

	private MeasuredStack(LocalStack stack, BenchmarkOptions options) {
		this.stack = stack;
		this.options = options;
		this.attachedToken = (stack != null) ? null
				: new ClientCredentialsToken(options.serviceUrls().get(StackService.IDENTITY),
						LocalStack.SCRIPTS_CLIENT, options.scriptsSecret(), LocalStack.SCRIPTS_SCOPE);
	}

	static MeasuredStack startOrAttach(BenchmarkOptions options) throws IOException {
		if (options.attach()) {
			return new MeasuredStack(null, options);
		}
		// benchmarks write only under benchmarks/target, like the results
		Path data = Files.createTempDirectory(
				Files.createDirectories(options.projectRoot().resolve("benchmarks").resolve("target")), "stack-");
		LocalStack stack = LocalStack.options()
			.freePorts()
			.inMemoryMongo()
			.dataDirectory(data)
			.projectRoot(options.projectRoot())
			.demoData(false)
			.healthTimeout(java.time.Duration.ofSeconds(options.healthTimeoutSeconds()))
			.jvmOptions(options.serviceJvmOptions().toArray(String[]::new))
			.serviceArguments(options.serviceArguments().toArray(String[]::new))
			.start();
		return new MeasuredStack(stack, options);
	}

	boolean embedded() {
		return this.stack != null;
	}

	URI url(StackService service) {
		return embedded() ? this.stack.serviceUrl(service) : this.options.serviceUrls().get(service);
	}

	/**
	 * The token to send as {@code Authorization: Bearer}: kept and renewed when less than
	 * a minute of it remains, so ask for it on every request.
	 */
	String accessToken() {
		return embedded() ? this.stack.accessToken() : this.attachedToken.accessToken();
	}

	String kafka() {
		return embedded() ? this.stack.kafkaBootstrapServers() : this.options.kafka();
	}

	String mongo() {
		return embedded() ? this.stack.mongoUri() : this.options.mongo();
	}

	/**
	 * The processes to watch, by name: the services and, when this tool started the
	 * stack, itself (which also runs Kafka, MongoDB and the SMTP capture).
	 */
	Map<String, Long> processes() {
		Map<String, Long> pids = new LinkedHashMap<>();
		if (embedded()) {
			for (ServiceProcess process : this.stack.services()) {
				if (process.isRunning()) {
					pids.put(process.service().moduleName(), process.pid());
				}
			}
			pids.put(EMBEDDED_JVM, ProcessHandle.current().pid());
		}
		else {
			// a running stack: find the service JVMs by their jar on the command line
			for (StackService service : StackService.values()) {
				ProcessHandle.allProcesses()
					.filter((p) -> p.info().commandLine().orElse("").contains(service.moduleName() + ".jar"))
					.findFirst()
					.ifPresent((p) -> pids.put(service.moduleName(), p.pid()));
			}
			ProcessHandle.allProcesses()
				.filter((p) -> p.info().commandLine().orElse("").contains("local-stack.jar"))
				.findFirst()
				.ifPresent((p) -> pids.put("local-stack (kafka+mongo+smtp)", p.pid()));
			pids.put("benchmark", ProcessHandle.current().pid());
		}
		return pids;
	}

	/**
	 * How many captured mails went to an address ending with the suffix; -1 if the
	 * capture cannot be read.
	 */
	int mailsTo(String suffix) {
		if (embedded()) {
			// the capture's envelope recipients: decoding every MIME message on each poll
			// took a core of this JVM once tens of thousands had arrived
			return (int) this.stack.smtp()
				.messages()
				.stream()
				.filter((mail) -> mail.to().stream().anyMatch((to) -> to.endsWith(suffix) || to.endsWith(suffix + ">")))
				.count();
		}
		if (this.options.mailApi() == null) {
			return -1;
		}
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(this.options.mailApi().resolve("/api/messages")).build(),
					HttpResponse.BodyHandlers.ofString());
			int count = 0;
			for (JsonNode mail : JsonMapper.builder().build().readTree(response.body())) {
				for (JsonNode to : mail.path("to")) {
					if (to.asString().endsWith(suffix) || to.asString().endsWith(suffix + ">")) {
						count++;
						break;
					}
				}
			}
			return count;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** Forgets captured mail, so a long run does not fill this JVM's memory. */
	void clearMail() {
		if (embedded()) {
			this.stack.smtp().clear();
		}
	}

	@Override
	public void close() {
		if (this.stack != null) {
			this.stack.close();
		}
	}

}
