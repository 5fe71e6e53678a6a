package org.coophub.reporting.messaging;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether each service of the installation is ready, as its own
 * {@code /actuator/health/readiness} says (MongoDB and Kafka reachable;
 * docs/operations.md, "Readiness"), for the operations dashboard. The services are
 * {@code coophub.operations.services.<name>=<base URL>}; all are asked at once, each for
 * at most two seconds. The probe answers without a token, and then only UP or DOWN. With
 * the caller's token, each service's outbox backlog and parked records are read from its
 * own metrics ({@code coophub.outbox.backlog}, {@code coophub.events.parked}, summed over
 * collections): the numbers live in each service's database, which only it reads.
 */
@Component
class ServiceReadiness {

	static final String PROPERTY = "coophub.operations.services";

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

	static final String OUTBOX_BACKLOG = "coophub.outbox.backlog";

	static final String PARKED = "coophub.events.parked";

	private final Map<String, URI> services;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	ServiceReadiness(Environment environment, JsonMapper json) {
		this.services = new TreeMap<>(
				Binder.get(environment).bind(PROPERTY, Bindable.mapOf(String.class, URI.class)).orElse(Map.of()));
		this.json = json;
	}

	/**
	 * Every configured service, by name, with what its readiness probe and its metrics
	 * said, all asked at once.
	 * @param token the caller's access token for the metrics; null reads readiness only
	 */
	List<Readiness> check(String token) {
		Map<String, CompletableFuture<Readiness>> answers = new TreeMap<>();
		this.services.forEach((name, url) -> answers.put(name,
				ask(url)
					.thenCombine(metric(url, OUTBOX_BACKLOG, token),
							(status, backlog) -> new Readiness(name, status, backlog, null))
					.thenCombine(metric(url, PARKED, token), (readiness, parked) -> new Readiness(name,
							readiness.status(), readiness.outboxBacklog(), parked))));
		return answers.values().stream().map(CompletableFuture::join).toList();
	}

	/**
	 * A gauge's value, or null when the service does not say (no token, no such gauge).
	 */
	private CompletableFuture<Long> metric(URI url, String name, String token) {
		if (token == null) {
			return CompletableFuture.completedFuture(null);
		}
		HttpRequest request = HttpRequest.newBuilder(url.resolve("/actuator/metrics/" + name))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> (response.statusCode() == 200) ? value(response.body()) : null)
			.exceptionally((ex) -> null);
	}

	private Long value(String body) {
		for (JsonNode measurement : this.json.readTree(body).path("measurements")) {
			if ("VALUE".equals(measurement.path("statistic").asString())) {
				return Math.round(measurement.path("value").asDouble());
			}
		}
		return null;
	}

	private CompletableFuture<String> ask(URI url) {
		HttpRequest request = HttpRequest.newBuilder(url.resolve("/actuator/health/readiness"))
			.timeout(TIMEOUT)
			.GET()
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply(ServiceReadiness::statusOf)
			.exceptionally((ex) -> (ex.getCause() instanceof ConnectException) ? "UNREACHABLE" : "NO_ANSWER");
	}

	/** 200 is UP; a 503 names DOWN or OUT_OF_SERVICE in its body. */
	private static String statusOf(HttpResponse<String> response) {
		Matcher status = STATUS.matcher(response.body());
		if (status.find()) {
			return status.group(1);
		}
		return (response.statusCode() == 200) ? "UP" : "HTTP_" + response.statusCode();
	}

	/**
	 * One service's readiness.
	 *
	 * @param service the name it is configured under
	 * @param status UP, DOWN or OUT_OF_SERVICE as the service says; UNREACHABLE when
	 * nothing listens, NO_ANSWER when it does not answer in time
	 * @param outboxBacklog its events stored but not yet acknowledged by Kafka; null when
	 * not known
	 * @param parkedEvents its records parked until what they need arrives; null when not
	 * known
	 */
	record Readiness(String service, String status, Long outboxBacklog, Long parkedEvents) {

	}

}
