package org.coophub.localstack.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The clocks of the four event-driven services of a stack started with
 * {@code LocalStackOptions.adjustableClocks()}, moved together through each one's
 * {@code /actuator/clock} (ADMIN token). identity-service keeps the machine's time, and
 * so does the expiry of the tokens it issues.
 */
public final class ServiceClocks {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final Map<StackService, URI> services;

	private final Supplier<String> accessToken;

	/**
	 * @param services the base URL of each service whose clock moves
	 * @param accessToken an ADMIN token, asked for every call
	 */
	public ServiceClocks(Map<StackService, URI> services, Supplier<String> accessToken) {
		this.services = Map.copyOf(services);
		this.accessToken = accessToken;
	}

	/** Moves every clock forward by the same amount. */
	public void advance(Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("Clocks never go back: " + amount);
		}
		this.services.keySet().forEach((service) -> move(service, "advanceBy", amount.toString()));
	}

	/** Moves every clock forward to the same moment. */
	public void setTo(Instant moment) {
		this.services.keySet().forEach((service) -> move(service, "to", moment.toString()));
	}

	/** What a service's clock says now. */
	public Instant now(StackService service) {
		return Instant.parse(send(service, HttpRequest.newBuilder(clockUri(service)).GET()).path("now").asText());
	}

	private void move(StackService service, String field, String value) {
		String body = this.json.createObjectNode().put(field, value).toString();
		send(service,
				HttpRequest.newBuilder(clockUri(service))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private URI clockUri(StackService service) {
		URI base = this.services.get(service);
		if (base == null) {
			throw new IllegalStateException(service.moduleName() + " does not run with an adjustable clock here");
		}
		return base.resolve("/actuator/clock");
	}

	private JsonNode send(StackService service, HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http
				.send(request.header("Authorization", "Bearer " + this.accessToken.get())
					.header("Accept", "application/json")
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The clock of " + service.moduleName() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach the clock of " + service.moduleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while moving the clocks", ex);
		}
	}

}
