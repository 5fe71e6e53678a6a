package org.coophub.activity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document this service serves tells the truth a client and a linter need
 * (docs/api.md, "Contract"), and is saved as {@code target/openapi/activity-service.json}
 * for {@code .ci/run} to lint with Spectral and Redocly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class OpenApiContractIntegrationTest {

	static final Path SAVED = Path.of("target", "openapi", "activity-service.json");

	@LocalServerPort
	int port;

	final JsonMapper json = JsonMapper.builder().build();

	JsonNode api;

	@BeforeEach
	void fetchAndSave() throws IOException, InterruptedException {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).isEqualTo(200);
		this.api = this.json.readTree(answer.body());
		Files.createDirectories(SAVED.getParent());
		Files.writeString(SAVED, this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.api),
				StandardCharsets.UTF_8);
	}

	@Test
	void namesTheServiceInBothLanguagesWithTheBuildsVersion() {
		assertThat(this.api.at("/info/title").asString()).contains("activity-service")
			.isNotEqualTo("OpenAPI definition");
		assertThat(this.api.at("/info/description").asString()).contains("Hoạt động hợp tác", "Activities");
		assertThat(this.api.at("/info/version").asString()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
	}

	@Test
	void requiresIdentityServicesTokenEverywhere() {
		JsonNode schemes = this.api.at("/components/securitySchemes");
		assertThat(schemes.at("/identity/flows/clientCredentials/tokenUrl").asString()).endsWith("/oauth2/token");
		assertThat(schemes.at("/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(this.api.at("/security").toString()).contains("identity", "bearer");
	}

	@Test
	void everyOperationSaysWhatItDoesAndEveryErrorItCanAnswer() {
		Set<String> tags = new HashSet<>();
		this.api.path("tags").forEach((tag) -> tags.add(tag.path("name").asString()));
		List<String> wrong = new ArrayList<>();
		operations().forEach((name, operation) -> {
			if (operation.path("summary").asString("").isBlank()
					|| operation.path("description").asString("").isBlank()) {
				wrong.add(name + ": no summary or description");
			}
			if (operation.path("tags").isEmpty() || !tags.contains(operation.path("tags").get(0).asString())) {
				wrong.add(name + ": no declared tag");
			}
			Set<String> statuses = new HashSet<>(operation.path("responses").propertyNames());
			if (statuses.stream().noneMatch((status) -> status.startsWith("2"))) {
				wrong.add(name + ": no success answer");
			}
			if (!statuses.containsAll(Set.of("400", "401", "403", "503"))) {
				wrong.add(name + ": answers " + statuses);
			}
			operation.path("responses").properties().forEach((response) -> {
				boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
				if (error && !response.getValue().has("$ref")
						&& !response.getValue().path("content").has("application/problem+json")) {
					wrong.add(name + ": " + response.getKey() + " is not a problem");
				}
			});
			if (name.contains("{") && !statuses.contains("404")) {
				wrong.add(name + ": no 404");
			}
			if (operation.toString().contains("\"If-Match\"") && !statuses.containsAll(Set.of("409", "412", "428"))) {
				wrong.add(name + ": reads If-Match but answers " + statuses);
			}
		});
		assertThat(wrong).isEmpty();
		assertThat(this.api.at("/components/responses/BadRequest/content/application~1problem+json/schema/$ref")
			.asString()).isEqualTo("#/components/schemas/Problem");
	}

	@Test
	void patternsAreEcmaScriptAndMatchTheWholeValue() {
		List<String> patterns = this.api.findValues("pattern")
			.stream()
			.filter(JsonNode::isString)
			.map(JsonNode::asString)
			.toList();
		// ECMA-262, which clients validate with, has no inline flags such as (?i); the
		// services' @Pattern matches the whole value
		assertThat(patterns).allSatisfy(
				(pattern) -> assertThat(pattern).startsWith("^").endsWith("$").doesNotContainPattern("\\(\\?[a-zA-Z]"));
	}

	@Test
	void creationsAreDocumentedAs201() {
		for (String creation : List.<String>of("POST /api/v1/activities", "POST /api/v1/activities:import")) {
			JsonNode responses = operations().get(creation).path("responses");
			assertThat(responses.has("201")).as(creation).isTrue();
			assertThat(responses.has("200")).as(creation).isFalse();
		}
	}

	private Map<String, JsonNode> operations() {
		Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
		this.api.path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((operation) -> operations.put(
						operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
						operation.getValue())));
		return operations;
	}

}
