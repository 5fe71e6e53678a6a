package org.coophub.localstack.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny HTTP viewer of the captured mail (the JDK's HTTP server, no web framework):
 * {@code GET /api/messages} (JSON), {@code DELETE /api/messages}, {@code GET /} (HTML).
 * It sees the mail only through a {@link Mailbox}, the three things its page and API need
 * from the capture that owns it.
 */
final class MailViewer {

	private static final Logger log = LoggerFactory.getLogger(MailViewer.class);

	private final ObjectMapper json = new ObjectMapper()
		.registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

	private final Mailbox mailbox;

	private final int port;

	private HttpServer server;

	private ExecutorService executor;

	/**
	 * @param mailbox what the viewer shows and empties
	 * @param port the HTTP port, resolved (not 0)
	 */
	MailViewer(Mailbox mailbox, int port) {
		this.mailbox = mailbox;
		this.port = port;
	}

	void start() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the mail viewer on port " + this.port, ex);
		}
		this.executor = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "mail-viewer");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/api/messages", this::messages);
		this.server.createContext("/", this::page);
		this.server.start();
	}

	void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.executor.shutdownNow();
			this.server = null;
		}
	}

	private void messages(HttpExchange exchange) throws IOException {
		try (exchange) {
			switch (exchange.getRequestMethod()) {
				case "GET" -> send(exchange, 200, "application/json; charset=utf-8",
						this.json.writeValueAsBytes(this.mailbox.messages()));
				case "DELETE" -> {
					this.mailbox.clear();
					exchange.sendResponseHeaders(204, -1);
				}
				default -> methodNotAllowed(exchange, "GET, DELETE");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Mail viewer request failed", ex);
			throw ex;
		}
	}

	private void page(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"/".equals(exchange.getRequestURI().getPath())) {
				send(exchange, 404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8));
			}
			else if (!"GET".equals(exchange.getRequestMethod())) {
				methodNotAllowed(exchange, "GET");
			}
			else {
				send(exchange, 200, "text/html; charset=utf-8", this.mailbox.page().getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
		exchange.getResponseHeaders().set("Allow", allowed);
		exchange.sendResponseHeaders(405, -1);
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/**
	 * The mail a viewer shows.
	 */
	interface Mailbox {

		/** Every captured mail, oldest first, as the JSON API lists it (records). */
		List<?> messages();

		/** The HTML page listing the mail. */
		String page();

		/** Forgets every captured mail. */
		void clear();

	}

}
