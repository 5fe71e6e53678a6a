package org.coophub.systemtests.reliability;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of every service's OpenAPI document, fed what a careless or hostile
 * client sends: each answer is a 4xx problem without a stack trace, and nothing reaches
 * Kafka. The client is signed in (role ADMIN), so the answers are about the input, not
 * the caller.
 */
class BadInputSweepSystemTest {

	static final Set<String> WRITES = Set.of("post", "put", "patch");

	/**
	 * Paging falls back to its defaults on a value it cannot read, as Spring Data does.
	 */
	static final Set<String> PAGING = Set.of("page", "size", "sort", "pageable");

	private final LocalStack stack = SharedStack.get();

	private final StackHttp http = new StackHttp(this.stack);

	private final KafkaTools kafka = new KafkaTools(this.stack.kafkaBootstrapServers());

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> failures = new ArrayList<>();

	private int probes;

	@Test
	void everyEndpointRefusesBadInputWithAProblemAndPublishesNothing() throws Exception {
		long published = awaitQuietTopics();

		// identity-service has no OpenAPI document: its endpoints are OAuth 2.1's
		for (StackService service : StackService.eventDriven()) {
			JsonNode api = this.http.get(service, "/v3/api-docs");
			assertThat(api).as("%s serves its OpenAPI document", service).isNotNull();
			for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
				for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
					sweep(service, operation.getKey(), path.getKey(), operation.getValue());
				}
			}
		}

		assertThat(this.failures).as("answers that were not a clean 4xx problem (%d probes)", this.probes).isEmpty();
		assertThat(this.probes).isGreaterThan(100);
		assertThat(awaitQuietTopics()).as("records on agreement-events and activity-events").isEqualTo(published);
	}

	private void sweep(StackService service, String method, String template, JsonNode operation) throws Exception {
		String path = template.replaceAll("\\{[^}]+}", "no-such-id");
		if (WRITES.contains(method) && operation.has("requestBody")) {
			for (BadInput bad : BadInput.values()) {
				expectProblem(service, method, path, bad.name(), bad.body(), false);
			}
		}
		if ("get".equals(method)) {
			for (JsonNode parameter : operation.path("parameters")) {
				if ("query".equals(parameter.path("in").asString())
						&& !PAGING.contains(parameter.get("name").asString())) {
					for (String injection : BadInput.QUERY_INJECTIONS) {
						String query = "?" + parameter.get("name").asString() + "="
								+ URLEncoder.encode(injection, StandardCharsets.UTF_8);
						expectProblem(service, method, path + query, "query " + injection, null, true);
					}
				}
			}
			if (template.contains("{")) {
				String traversal = template.replaceFirst("\\{[^}]+}", "..%2F..%2F..%2Fetc%2Fpasswd")
					.replaceAll("\\{[^}]+}", "x");
				expectProblem(service, method, traversal, "path traversal", null, false);
			}
		}
	}

	/**
	 * A 4xx problem+json without a trace; for a query, an empty result is also right: the
	 * injected text was taken as the literal value it is.
	 */
	private void expectProblem(StackService service, String method, String path, String what, byte[] body,
			boolean emptyResultAllowed) throws Exception {
		this.probes++;
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.stack.serviceUrl(service) + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + this.stack.accessToken())
			.header("Content-Type", "application/json")
			.header("If-Match", "\"1\"")
			.method(method.toUpperCase(Locale.ROOT),
					(body != null) ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			this.failures.add("%s %s %s (%s): no answer: %s".formatted(service, method, path, what, ex));
			return;
		}
		String type = response.headers().firstValue("Content-Type").orElse("");
		String answer = response.body();
		// 401 and 403 would be about the caller, not the input: this client may do
		// anything
		boolean problem = response.statusCode() >= 400 && response.statusCode() < 500 && response.statusCode() != 401
				&& response.statusCode() != 403 && type.startsWith("application/problem+json");
		boolean empty = emptyResultAllowed && response.statusCode() == 200 && isEmptyResult(type, answer);
		boolean traced = answer.contains("\tat ") || answer.contains("Exception") || answer.contains("java.");
		if (!(problem || empty) || traced) {
			this.failures.add("%s %s %s (%s): %d %s %s".formatted(service, method.toUpperCase(Locale.ROOT),
					path.length() > 120 ? path.substring(0, 120) : path, what, response.statusCode(), type,
					answer.length() > 300 ? answer.substring(0, 300) : answer));
		}
	}

	private boolean isEmptyResult(String type, String answer) {
		if (type.startsWith("text/csv")) {
			return answer.lines().filter((line) -> !line.isBlank()).count() <= 1;
		}
		try {
			JsonNode json = this.http.read(answer);
			// a page's content, or a calendar window's entries
			JsonNode content = json.isArray() ? json
					: json.has("entries") ? json.path("entries") : json.path("content");
			return content.isArray() && content.isEmpty();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** Waits until the services' outboxes are empty, then counts the records written. */
	private long awaitQuietTopics() {
		await().atMost(Reliability.PROPAGATION)
			.until(() -> backlog(StackService.AGREEMENT) == 0 && backlog(StackService.ACTIVITY) == 0);
		return this.kafka.totalRecords("agreement-events") + this.kafka.totalRecords("activity-events");
	}

	private double backlog(StackService service) {
		JsonNode metric = this.http.get(service, "/actuator/metrics/coophub.outbox.backlog");
		return (metric == null) ? 0 : metric.at("/measurements/0/value").asDouble();
	}

}
