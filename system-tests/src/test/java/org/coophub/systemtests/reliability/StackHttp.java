package org.coophub.systemtests.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP APIs as a client uses them, signed in as the scripts' client (a
 * bearer token from the stack's identity-service on every call); a refused connection (a
 * service that is down) is an answer too, status 0, and so is a call that could not get a
 * token.
 */
final class StackHttp {

	static final int NO_ANSWER = 0;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final LocalStack stack;

	StackHttp(LocalStack stack) {
		this.stack = stack;
	}

	Answer send(StackService service, String method, String path, String body, String... headers) {
		String token;
		try {
			token = this.stack.accessToken();
		}
		catch (IllegalStateException ex) {
			// identity-service down while the token ran out: the request was never sent
			return new Answer(NO_ANSWER, "", null, ex.toString());
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(this.stack.serviceUrl(service).resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("ETag").orElse(null), response.body());
		}
		catch (IOException ex) {
			return new Answer(NO_ANSWER, "", null, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	JsonNode created(StackService service, String path, String body) {
		Answer answer = send(service, "POST", path, body);
		if (answer.status() != 201) {
			throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
		}
		return answer.json();
	}

	/** The JSON of a 200 answer, or null for any other answer. */
	JsonNode get(StackService service, String path) {
		Answer answer = send(service, "GET", path, null);
		return (answer.status() == 200) ? answer.json() : null;
	}

	JsonNode read(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			throw new UncheckedIOException(new IOException("Not JSON: " + body, ex));
		}
	}

	record Answer(int status, String contentType, String etag, String body) {

		JsonNode json() {
			return JsonMapper.builder().build().readTree(this.body);
		}

		boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

	}

}
