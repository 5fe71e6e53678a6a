package org.coophub.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few HTTP calls the demo loader makes, JSON in and out, UTF-8, each with a bearer
 * token.
 */
final class DemoApi {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json;

	private final Supplier<String> accessToken;

	DemoApi(ObjectMapper json, Supplier<String> accessToken) {
		this.json = json;
		this.accessToken = accessToken;
	}

	Response get(URI uri) {
		return send(HttpRequest.newBuilder(uri).GET().header("Accept", "application/json"));
	}

	Response post(URI uri, JsonNode body) {
		return send("POST", uri, body, null);
	}

	/**
	 * An update of a resource read at the version {@code etag}: the services require
	 * If-Match on every update.
	 */
	Response update(String method, URI uri, JsonNode body, String etag) {
		return send(method, uri, body, etag);
	}

	private Response send(String method, URI uri, JsonNode body, String ifMatch) {
		HttpRequest.BodyPublisher publisher = (body != null) ? HttpRequest.BodyPublishers.ofByteArray(toBytes(body))
				: HttpRequest.BodyPublishers.noBody();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.method(method, publisher)
			.header("Accept", "application/json, application/problem+json");
		if (body != null) {
			request.header("Content-Type", "application/json; charset=utf-8");
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return send(request);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			request.header("Authorization", "Bearer " + token());
			HttpResponse<byte[]> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.request().method() + " " + response.request().uri(), response.statusCode(),
					response.headers().firstValue("ETag").orElse(null),
					new String(response.body(), StandardCharsets.UTF_8), this.json);
		}
		catch (IOException ex) {
			throw new DemoDataException("Cannot reach " + request.build().uri() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DemoDataException("Interrupted while loading the demo data", ex);
		}
	}

	private String token() {
		try {
			return this.accessToken.get();
		}
		catch (IllegalStateException ex) {
			throw new DemoDataException("No token from identity-service: " + ex.getMessage(), ex);
		}
	}

	private byte[] toBytes(JsonNode body) {
		try {
			return this.json.writeValueAsBytes(body);
		}
		catch (IOException ex) {
			throw new DemoDataException("Cannot write " + body, ex);
		}
	}

	/**
	 * @param etag the ETag header (the resource's version), or null
	 */
	record Response(String call, int status, String etag, String body, ObjectMapper json) {

		/**
		 * The JSON body if the status is the expected one, else a failure showing the
		 * body.
		 */
		JsonNode expect(int expectedStatus) {
			if (this.status != expectedStatus) {
				throw unexpected();
			}
			try {
				return this.json.readTree(this.body);
			}
			catch (IOException ex) {
				throw new DemoDataException(
						this.call + " answered " + this.status + " with a body that is not JSON: " + this.body, ex);
			}
		}

		/**
		 * The ETag of an answer with the expected status: what the next update of the
		 * resource sends as If-Match.
		 */
		String expectEtag(int expectedStatus) {
			expect(expectedStatus);
			if (this.etag == null) {
				throw new DemoDataException(this.call + " answered " + this.status + " without an ETag");
			}
			return this.etag;
		}

		DemoDataException unexpected() {
			return new DemoDataException(this.call + " answered " + this.status + ": " + this.body);
		}

	}

}
