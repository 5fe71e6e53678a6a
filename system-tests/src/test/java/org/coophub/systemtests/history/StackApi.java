package org.coophub.systemtests.history;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP APIs as a script uses them, signed in as the scripts' client (role
 * ADMIN), and plain HTTP without a token for the links mailed to people.
 */
final class StackApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final LocalStack stack;

	StackApi(LocalStack stack) {
		this.stack = stack;
	}

	Answer send(StackService service, String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.stack.serviceUrl(service).resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.stack.accessToken())
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return exchange(request);
	}

	/** A GET without a token, as a mail reader's browser sends it. */
	Answer open(URI uri) {
		return exchange(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET());
	}

	/** The JSON of a 201 answer; fails the test otherwise. */
	JsonNode created(StackService service, String path, String body) {
		Answer answer = send(service, "POST", path, body);
		if (answer.status() != 201) {
			throw new AssertionError("POST " + path + " answered " + answer.status() + ": " + answer.body());
		}
		return answer.json();
	}

	/** The JSON of a 200 answer, or null for any other answer (not there yet). */
	JsonNode get(StackService service, String path) {
		Answer answer = send(service, "GET", path, null, "Accept", "application/json");
		return (answer.status() == 200) ? answer.json() : null;
	}

	/**
	 * Creates an agreement, accepts it for each party (the scripts' client belongs to
	 * none, so all are pending) and activates it; activity-service accepts activities
	 * under it once it has heard of the activation.
	 * @return the agreement's id
	 */
	String activeAgreement(String body) {
		Answer draft = send(StackService.AGREEMENT, "POST", "/api/v1/agreements", body);
		if (draft.status() != 201) {
			throw new AssertionError("POST /api/v1/agreements answered " + draft.status() + ": " + draft.body());
		}
		String id = draft.json().get("id").asString();
		String etag = draft.etag();
		for (JsonNode party : draft.json().path("parties")) {
			Answer accepted = send(StackService.AGREEMENT, "POST",
					"/api/v1/agreements/" + id + "/parties/" + party.path("organizationId").asString() + "/accept",
					null, "If-Match", etag);
			if (accepted.status() != 200) {
				throw new AssertionError("accept answered " + accepted.status() + ": " + accepted.body());
			}
			etag = accepted.etag();
		}
		Answer activated = send(StackService.AGREEMENT, "POST", "/api/v1/agreements/" + id + "/activate", null,
				"If-Match", etag);
		if (activated.status() != 200) {
			throw new AssertionError("activate answered " + activated.status() + ": " + activated.body());
		}
		return id;
	}

	/** The entries of a page ({@code content}) of a 200 answer; none otherwise. */
	List<JsonNode> content(StackService service, String path) {
		JsonNode page = get(service, path);
		if (page == null) {
			return List.of();
		}
		return StreamSupport.stream(page.path("content").spliterator(), false).toList();
	}

	private Answer exchange(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("ETag").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, String contentType, String etag, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
