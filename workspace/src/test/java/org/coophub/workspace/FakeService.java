package org.coophub.workspace;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands for one service behind the workspace: a real HTTP server that records every
 * request it gets and answers as the services do (JSON with an ETag, 201 with a Location,
 * a spreadsheet, an iCalendar feed, an event stream).
 */
final class FakeService implements AutoCloseable {

	/** Bytes of every value, as a spreadsheet download has them. */
	static final byte[] SPREADSHEET = spreadsheet();

	private final String name;

	private final HttpServer server;

	final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();

	/** Holds the event stream open after its first event until the test lets it go on. */
	volatile CountDownLatch secondEvent = new CountDownLatch(1);

	FakeService(String name) throws IOException {
		this.name = name;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The next request this service got, waiting a little for it. */
	Recorded next() throws InterruptedException {
		Recorded recorded = this.requests.poll(10, TimeUnit.SECONDS);
		if (recorded == null) {
			throw new AssertionError(this.name + " got no request");
		}
		return recorded;
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		this.requests
			.add(new Recorded(this.name, exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
					Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
		if (path.endsWith("/stream")) {
			stream(exchange);
			return;
		}
		if (path.startsWith("/calendar/feeds/")) {
			send(exchange, 200, "text/calendar; charset=utf-8",
					"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
			return;
		}
		if (path.endsWith(":export")) {
			send(exchange, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SPREADSHEET);
			return;
		}
		exchange.getResponseHeaders().set("ETag", "\"7\"");
		// a service that tells its own absolute address, and a cookie of its own
		exchange.getResponseHeaders().set("Set-Cookie", "SERVICE_SESSION=1; Path=/");
		String body = "{\"service\":\"" + this.name + "\",\"path\":\"" + path
				+ "\",\"name\":\"Hội nghị xúc tiến đầu tư\"}";
		if ("POST".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().set("Location", url() + "/api/v1/activities/42?view=full");
			send(exchange, 201, "application/json", body.getBytes(StandardCharsets.UTF_8));
			return;
		}
		send(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	/** One event at once, the next only once the test has seen the first. */
	private void stream(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream body = exchange.getResponseBody()) {
			body.write("event: dashboard-changed\ndata: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
			body.flush();
			if (!this.secondEvent.await(20, TimeUnit.SECONDS)) {
				return;
			}
			body.write("event: dashboard-changed\ndata: {\"n\":2}\n\n".getBytes(StandardCharsets.UTF_8));
			body.flush();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private static byte[] spreadsheet() {
		byte[] bytes = new byte[512];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) i;
		}
		return bytes;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A request as the service got it.
	 *
	 * @param service which service got it
	 * @param method the method
	 * @param path the raw path
	 * @param query the raw query
	 * @param headers the headers (names as the JDK server spells them: first letter
	 * capital)
	 * @param body the body's bytes
	 */
	record Recorded(String service, String method, String path, String query, Map<String, List<String>> headers,
			byte[] body) {

		String header(String name) {
			for (Map.Entry<String, List<String>> header : this.headers.entrySet()) {
				if (header.getKey().equalsIgnoreCase(name)) {
					return header.getValue().get(0);
				}
			}
			return null;
		}

	}

}
