package org.coophub.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP APIs as a client sees them: blocking calls for set-up, asynchronous
 * ones for open-loop load, each with the bearer token of the moment. Counts the answers
 * that refused the caller (401, 403): a benchmark run must have none.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(8, (r) -> {
			Thread thread = new Thread(r, "benchmark-http");
			thread.setDaemon(true);
			return thread;
		}))
		.build();

	private final Supplier<String> accessToken;

	private final AtomicLong refusedCaller = new AtomicLong();

	/**
	 * @param accessToken the token for each request, asked for every request (it renews
	 * itself)
	 */
	Api(Supplier<String> accessToken) {
		this.accessToken = accessToken;
	}

	/**
	 * How many answers so far were 401 or 403: refusals of the caller, not the request.
	 */
	long refusedCaller() {
		return this.refusedCaller.get();
	}

	HttpResponse<String> send(URI base, String method, String path, String contentType, String body)
			throws IOException, InterruptedException {
		return send(base, method, path, contentType, body, DEFAULT_TIMEOUT);
	}

	HttpResponse<String> send(URI base, String method, String path, String contentType, String body, Duration timeout)
			throws IOException, InterruptedException {
		return counted(this.http.send(request(base, method, path, contentType, body, timeout),
				HttpResponse.BodyHandlers.ofString()));
	}

	CompletableFuture<HttpResponse<String>> sendAsync(URI base, String method, String path, String contentType,
			String body) {
		return this.http
			.sendAsync(request(base, method, path, contentType, body, DEFAULT_TIMEOUT),
					HttpResponse.BodyHandlers.ofString())
			.thenApply(this::counted);
	}

	/**
	 * POSTs JSON and returns the answer, failing unless it is 2xx.
	 */
	JsonNode post(URI base, String path, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = send(base, "POST", path, "application/json", json);
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
		return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
	}

	/**
	 * POSTs an action on an agreement without a body ({@code activate},
	 * {@code parties/<organizationId>/accept}): an update like any other, so with
	 * If-Match.
	 * @param ifMatch the ETag of the version the action is based on
	 * @return the ETag of the new version
	 */
	String agreementAction(URI base, String agreementId, String action, String ifMatch)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/agreements/" + agreementId + "/" + action))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + this.accessToken.get())
			.header("If-Match", ifMatch)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = counted(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(action + " " + agreementId + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
		return response.headers().firstValue("ETag").orElseThrow();
	}

	JsonNode get(URI base, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(base, "GET", path, null, null);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> counted(HttpResponse<String> response) {
		if (response.statusCode() == 401 || response.statusCode() == 403) {
			if (this.refusedCaller.getAndIncrement() == 0) {
				System.err.printf("%s %s answered %d: %s%n", response.request().method(), response.request().uri(),
						response.statusCode(), response.body());
			}
		}
		return response;
	}

	private HttpRequest request(URI base, String method, String path, String contentType, String body,
			Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(timeout)
			.header("Authorization", "Bearer " + this.accessToken.get());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return request
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
	}

}
