package org.coophub.systemtests.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol with nothing but
 * the JDK's HTTP client and WebSocket: no WebDriver, no Selenium Manager, nothing is
 * downloaded. The browser binary is {@code /usr/bin/chromium} unless the system property
 * {@code coophub.chromium} names another.
 */
final class Chromium implements AutoCloseable {

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

	private static final int MAX_SOCKET_PATH = 107;

	private static final int SOCKET_SUFFIX_LENGTH = "/org.chromium.Chromium.XXXXXX/SingletonSocket".length();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final Path profile;

	private final Path temporary;

	private final WebSocket socket;

	private final AtomicLong ids = new AtomicLong();

	private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private Chromium(Process process, Path profile, Path temporary, URI pageSocket) {
		this.process = process;
		this.profile = profile;
		this.temporary = temporary;
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(COMMAND_TIMEOUT)
			.buildAsync(pageSocket, new Listener())
			.join();
	}

	static Chromium start() throws IOException {
		String binary = System.getProperty("coophub.chromium", "/usr/bin/chromium");
		Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(),
				"chromium-");
		List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0",
				"--remote-allow-origins=*", "--window-size=1400,1100", "--lang=vi", "about:blank"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(profile.resolve("chromium.log").toFile());
		// with --disable-dev-shm-usage its shared memory files go to TMPDIR, and its
		// singleton socket too, whose path a Unix socket limits to 107 bytes
		Path temporary = socketFriendlyTemporaryDirectory();
		builder.environment().put("TMPDIR", temporary.toString());
		Process process = builder.start();
		Path activePort = profile.resolve("DevToolsActivePort");
		try {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> Files.isRegularFile(activePort) && Files.readAllLines(activePort).size() >= 2
						|| !process.isAlive());
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"Chromium exited: " + Files.readString(profile.resolve("chromium.log")));
			}
			int port = Integer.parseInt(Files.readAllLines(activePort).get(0).trim());
			URI pageSocket = pageSocket(port);
			return new Chromium(process, profile, temporary, pageSocket);
		}
		catch (RuntimeException ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	/**
	 * A short directory under {@code target/} (c0, c1, ...) so that a checkout in a deep
	 * path still leaves room for Chromium's
	 * {@code org.chromium.Chromium.XXXXXX/SingletonSocket}; only when even that is too
	 * long does the browser get a directory in the system's temporary directory, deleted
	 * on {@link #close()}.
	 */
	private static Path socketFriendlyTemporaryDirectory() throws IOException {
		Path target = Path.of("target").toAbsolutePath();
		for (int i = 0;; i++) {
			Path candidate = target.resolve("c" + i);
			if (candidate.toString().length() + SOCKET_SUFFIX_LENGTH > MAX_SOCKET_PATH) {
				return Files.createTempDirectory(Path.of("/tmp"), "coophub-cr");
			}
			try {
				return Files.createDirectory(candidate);
			}
			catch (FileAlreadyExistsException ex) {
				// taken by an earlier browser of this run: try the next
			}
		}
	}

	private static URI pageSocket(int port) {
		JsonMapper json = JsonMapper.builder().build();
		HttpClient http = HttpClient.newHttpClient();
		return await().atMost(Duration.ofSeconds(10)).until(() -> {
			HttpResponse<String> list = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
					HttpResponse.BodyHandlers.ofString());
			for (JsonNode target : json.readTree(list.body())) {
				if ("page".equals(target.get("type").asString())) {
					return URI.create(target.get("webSocketDebuggerUrl").asString());
				}
			}
			return null;
		}, (uri) -> uri != null);
	}

	JsonNode send(String method, Map<String, Object> params) {
		long id = this.ids.incrementAndGet();
		CompletableFuture<JsonNode> result = new CompletableFuture<>();
		this.pending.put(id, result);
		String message = this.json.writeValueAsString(Map.of("id", id, "method", method, "params", params));
		this.socket.sendText(message, true).join();
		JsonNode response = result.orTimeout(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
		if (response.has("error")) {
			throw new IllegalStateException(method + " failed: " + response.get("error"));
		}
		return response.get("result");
	}

	void navigate(String url) {
		send("Page.navigate", Map.of("url", url));
	}

	/**
	 * Evaluates a JavaScript expression in the page.
	 * @param expression the expression
	 * @return its value as JSON (null when undefined)
	 */
	JsonNode evaluate(String expression) {
		JsonNode result = send("Runtime.evaluate",
				Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
		if (result.has("exceptionDetails")) {
			throw new IllegalStateException(expression + " threw " + result.get("exceptionDetails"));
		}
		return result.at("/result/value");
	}

	String text(String expression) {
		JsonNode value = evaluate(expression);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	void screenshot(Path file) throws IOException {
		JsonNode result = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
		Files.createDirectories(file.getParent());
		Files.write(file, Base64.getDecoder().decode(result.get("data").asString()));
	}

	@Override
	public void close() {
		try {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// the browser is stopped below anyway
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		if (!this.temporary.startsWith(Path.of("target").toAbsolutePath())) {
			deleteTree(this.temporary);
		}
	}

	private static void deleteTree(Path root) {
		try (var paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: the system's temporary directory is cleaned by the machine
			// anyway
		}
	}

	Path profile() {
		return this.profile;
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder message = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.message.append(data);
			if (last) {
				JsonNode node = Chromium.this.json.readTree(this.message.toString());
				this.message.setLength(0);
				if (node.has("id")) {
					CompletableFuture<JsonNode> result = Chromium.this.pending.remove(node.get("id").asLong());
					if (result != null) {
						result.complete(node);
					}
				}
			}
			webSocket.request(1);
			return null;
		}

	}

}
