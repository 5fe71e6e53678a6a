package org.coophub.systemtests.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP as an attacker sends it: any token or none, any body, and, where Java's URI would
 * refuse or rewrite what is sent (brackets in a query, {@code ..} in a path), the request
 * line written byte for byte on a socket.
 */
final class AttackHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * @param token the bearer token, or null for none
	 * @param headers more headers, name and value in turn
	 */
	Answer send(URI uri, String method, String token, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		boolean typed = Arrays.stream(headers).anyMatch("Content-Type"::equalsIgnoreCase);
		if (body != null && !typed) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Map<String, String> first = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> first.put(name.toLowerCase(Locale.ROOT), values.get(0)));
			return new Answer(response.statusCode(), first, response.body());
		}
		catch (IOException ex) {
			// a connection the server closed on an oversized body is a refusal too
			return new Answer(0, Map.of(), ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Answer send(URI uri, String method, String token, String body, String... headers) {
		return send(uri, method, token, (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null, headers);
	}

	Answer get(URI uri, String token, String... headers) {
		return send(uri, "GET", token, (byte[]) null, headers);
	}

	/**
	 * A GET whose request target is sent exactly as given (no encoding, no normalising).
	 * @param base the service, for host and port
	 * @param target the request target, e.g. {@code /api/v1/agreements?q[$ne]=x}
	 */
	Answer raw(URI base, String target, String token) {
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(30_000);
			String request = "GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
					+ "\r\nAccept: application/json\r\n"
					+ ((token != null) ? "Authorization: Bearer " + token + "\r\n" : "") + "Connection: close\r\n\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return parse(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Answer parse(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		String text = bytes.toString(StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		String head = (end < 0) ? text : text.substring(0, end);
		String body = (end < 0) ? "" : text.substring(end + 4);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		return new Answer(status, headers, body);
	}

	/**
	 * An answer; header names in lower case, the first value of each.
	 */
	record Answer(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
		}

		boolean isProblem() {
			return header("content-type").startsWith("application/problem+json");
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + header("content-type") + " " + this.body;
		}

	}

}
