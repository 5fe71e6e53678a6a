package org.coophub.systemtests.operations;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP APIs and actuator endpoints as an operator's script reaches them:
 * signed in as the scripts' client (role ADMIN).
 */
final class OperationsHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final LocalStack stack;

	OperationsHttp(LocalStack stack) {
		this.stack = stack;
	}

	HttpResponse<String> send(StackService service, String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.stack.serviceUrl(service).resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.stack.accessToken())
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " of " + service.moduleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The JSON of a 201 answer; fails the test otherwise. */
	JsonNode created(StackService service, String path, String body) {
		HttpResponse<String> answer = send(service, "POST", path, body);
		if (answer.statusCode() != 201) {
			throw new AssertionError("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return json(answer);
	}

	/** The JSON of a 200 answer, or null for any other answer (not there yet). */
	JsonNode get(StackService service, String path) {
		HttpResponse<String> answer = send(service, "GET", path, null, "Accept", "application/json");
		return (answer.statusCode() == 200) ? json(answer) : null;
	}

	/**
	 * Creates an agreement, accepts it for each party (the scripts' client belongs to
	 * none, so all are pending) and activates it.
	 * @return the agreement's id
	 */
	String activeAgreement(String body) {
		HttpResponse<String> draft = send(StackService.AGREEMENT, "POST", "/api/v1/agreements", body);
		if (draft.statusCode() != 201) {
			throw new AssertionError("POST /api/v1/agreements answered " + draft.statusCode() + ": " + draft.body());
		}
		String id = json(draft).get("id").asString();
		String etag = etag(draft);
		for (JsonNode party : json(draft).path("parties")) {
			HttpResponse<String> accepted = send(StackService.AGREEMENT, "POST",
					"/api/v1/agreements/" + id + "/parties/" + party.path("organizationId").asString() + "/accept",
					null, "If-Match", etag);
			if (accepted.statusCode() != 200) {
				throw new AssertionError("accept answered " + accepted.statusCode() + ": " + accepted.body());
			}
			etag = etag(accepted);
		}
		HttpResponse<String> activated = send(StackService.AGREEMENT, "POST", "/api/v1/agreements/" + id + "/activate",
				null, "If-Match", etag);
		if (activated.statusCode() != 200) {
			throw new AssertionError("activate answered " + activated.statusCode() + ": " + activated.body());
		}
		return id;
	}

	/** What Prometheus scrapes, in its text format. */
	String prometheus(StackService service) {
		HttpResponse<String> answer = send(service, "GET", "/actuator/prometheus", null, "Accept", "text/plain");
		if (answer.statusCode() != 200) {
			throw new AssertionError(service.moduleName() + " /actuator/prometheus answered " + answer.statusCode());
		}
		return answer.body();
	}

	static JsonNode json(HttpResponse<String> answer) {
		return JSON.readTree(answer.body());
	}

	private static String etag(HttpResponse<String> answer) {
		return answer.headers().firstValue("ETag").orElseThrow();
	}

}
