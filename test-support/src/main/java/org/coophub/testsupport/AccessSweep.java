package org.coophub.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks every operation of a running service's OpenAPI document with the tokens that must
 * be refused and with one that must be let in, and lists every answer that was wrong:
 * <ul>
 * <li>no token, an expired one, a tampered one, one signed by another key, one without
 * {@code exp}, one for another audience, an ID token: 401 problem+json;</li>
 * <li>a VIEWER writing: 403 problem+json;</li>
 * <li>a VIEWER reading: let in; a list (no path variable) answers 2xx.</li>
 * </ul>
 * Which organization an EDITOR may write for is each service's own test.
 */
public final class AccessSweep {

	private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final List<String> failures = new ArrayList<>();

	private int operations;

	private AccessSweep(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/**
	 * Sweeps the service on the given port.
	 * @param port the service's HTTP port
	 * @return the sweep, done
	 */
	public static AccessSweep of(int port) {
		AccessSweep sweep = new AccessSweep(port);
		sweep.run();
		return sweep;
	}

	/** The wrong answers, one line each. */
	public List<String> failures() {
		return this.failures;
	}

	/** How many operations the OpenAPI document lists. */
	public int operations() {
		return this.operations;
	}

	private void run() {
		TestIdentity identity = TestInfrastructure.get().identity();
		Map<String, String> refused = Map.of("no token", "", "expired", identity.expired("ADMIN"), "tampered",
				identity.tampered(), "signed by another key", identity.signedByAStranger(), "without exp",
				identity.withoutExpiry(), "for another audience", identity.forAnotherAudience(), "an ID token",
				identity.idToken());
		String viewer = identity.token("viewer", "VIEWER", null);
		Answer docs = send("GET", "/v3/api-docs", "");
		expect(docs.statusCode() == 200, "GET /v3/api-docs without a token", docs);
		JsonNode paths = this.json.readTree(docs.body()).path("paths");
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(Locale.ROOT);
				String template = path.getKey();
				String uri = template.replaceAll("\\{[^}]+}", "no-such-id");
				this.operations++;
				refused.forEach((what, token) -> {
					Answer answer = send(method, uri, token);
					expect(answer.statusCode() == 401 && isProblem(answer), method + " " + template + " " + what,
							answer);
				});
				Answer asViewer = send(method, uri, viewer);
				if (WRITES.contains(operation.getKey())) {
					expect(asViewer.statusCode() == 403 && isProblem(asViewer),
							method + " " + template + " as VIEWER: 403", asViewer);
				}
				else if (template.contains("{") || hasRequiredQuery(operation.getValue())) {
					expect(asViewer.statusCode() != 401 && asViewer.statusCode() != 403,
							method + " " + template + " as VIEWER: let in", asViewer);
				}
				else {
					expect(asViewer.statusCode() / 100 == 2, method + " " + template + " as VIEWER: 2xx", asViewer);
				}
			}
		}
	}

	private static boolean hasRequiredQuery(JsonNode operation) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("required").asBoolean(false) && "query".equals(parameter.path("in").asString())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isProblem(Answer answer) {
		return answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
	}

	private void expect(boolean right, String what, Answer answer) {
		if (!right) {
			String body = answer.body();
			this.failures.add("%s: got %d %s".formatted(what, answer.statusCode(),
					(body.length() > 200) ? body.substring(0, 200) : body));
		}
	}

	private record Answer(int statusCode, java.net.http.HttpHeaders headers, String body) {
	}

	private Answer send(String method, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, */*;q=0.5")
			.method(method, WRITES.contains(method.toLowerCase(Locale.ROOT)) ? HttpRequest.BodyPublishers.ofString("{}")
					: HttpRequest.BodyPublishers.noBody());
		if (!token.isEmpty()) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<java.io.InputStream> response = this.client.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			String body;
			try (java.io.InputStream in = response.body()) {
				// an event stream that let the caller in never ends: its headers are the
				// answer
				body = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream") ? ""
						: new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			return new Answer(response.statusCode(), response.headers(), body);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
