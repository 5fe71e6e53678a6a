package org.coophub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document a running service serves, saved as
 * {@code target/openapi/<service>.json} for {@code .ci/run} to lint with Spectral and
 * Redocly, and checked for what a client and a linter need (docs/api.md, "Contract"). One
 * set of rules for every service; each service's test names only what is its own.
 */
public final class OpenApiDocument {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern INLINE_FLAG = Pattern.compile("\\(\\?[a-zA-Z]");

	private static final Pattern RELEASE = Pattern.compile("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");

	private final String service;

	private final JsonNode api;

	private OpenApiDocument(String service, JsonNode api) {
		this.service = service;
		this.api = api;
	}

	/**
	 * Reads {@code /v3/api-docs} from the service and saves it under
	 * {@code target/openapi/}.
	 * @param port the service's port on localhost
	 * @param service its name, e.g. {@code activity-service}
	 * @return the document
	 */
	public static OpenApiDocument fetchAndSave(int port, String service) {
		try {
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (answer.statusCode() != 200) {
				throw new IllegalStateException("/v3/api-docs answered " + answer.statusCode());
			}
			JsonNode api = JSON.readTree(answer.body());
			Path saved = Path.of("target", "openapi", service + ".json");
			Files.createDirectories(saved.getParent());
			Files.writeString(saved, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(api),
					StandardCharsets.UTF_8);
			return new OpenApiDocument(service, api);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Everything the document gets wrong: the service named in both languages with the
	 * build's version; identity-service's token required everywhere; every operation with
	 * summary, description, a declared tag, a success answer and every error it can give
	 * as a problem (400, 401, 403, 503; 404 on ids; 409, 412, 428 where If-Match is
	 * read); patterns in ECMA-262 that match the whole value; creations documented as
	 * 201.
	 * @param vietnamese a phrase the description must hold in Vietnamese
	 * @param english the same in English
	 * @param creations the operations that answer 201, e.g.
	 * {@code POST /api/v1/activities}
	 * @return one line per fault, empty when the document tells the truth
	 */
	public List<String> contractViolations(String vietnamese, String english, List<String> creations) {
		List<String> wrong = new ArrayList<>();
		String title = this.api.at("/info/title").asString("");
		if (!title.contains(this.service)) {
			wrong.add("title \"" + title + "\" does not name " + this.service);
		}
		String description = this.api.at("/info/description").asString("");
		if (!description.contains(vietnamese) || !description.contains(english)) {
			wrong.add("description lacks \"" + vietnamese + "\" or \"" + english + "\"");
		}
		if (!RELEASE.matcher(this.api.at("/info/version").asString("")).matches()) {
			wrong.add("version " + this.api.at("/info/version") + " is not the build's");
		}
		security(wrong);
		operations(wrong);
		patterns(wrong);
		for (String creation : creations) {
			JsonNode responses = operations().getOrDefault(creation, JSON.missingNode()).path("responses");
			if (!responses.has("201") || responses.has("200")) {
				wrong.add(creation + ": a creation not documented as 201 only");
			}
		}
		return wrong;
	}

	private void security(List<String> wrong) {
		JsonNode schemes = this.api.at("/components/securitySchemes");
		if (!schemes.at("/identity/flows/clientCredentials/tokenUrl").asString("").endsWith("/oauth2/token")
				|| !"bearer".equals(schemes.at("/bearer/scheme").asString(""))) {
			wrong.add("security schemes identity (token URL) and bearer not declared");
		}
		String required = this.api.at("/security").toString();
		if (!required.contains("identity") || !required.contains("bearer")) {
			wrong.add("security not applied to every operation");
		}
		if (!"#/components/schemas/Problem"
			.equals(this.api.at("/components/responses/BadRequest/content/application~1problem+json/schema/$ref")
				.asString(""))) {
			wrong.add("the shared BadRequest answer is not a Problem");
		}
	}

	private void operations(List<String> wrong) {
		Set<String> tags = new HashSet<>();
		this.api.path("tags").forEach((tag) -> tags.add(tag.path("name").asString()));
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
	}

	/**
	 * ECMA-262, which clients validate with, has no inline flags such as {@code (?i)};
	 * the services' {@code @Pattern} matches the whole value.
	 */
	private void patterns(List<String> wrong) {
		this.api.findValues("pattern")
			.stream()
			.filter(JsonNode::isString)
			.map(JsonNode::asString)
			.filter((pattern) -> !pattern.startsWith("^") || !pattern.endsWith("$")
					|| INLINE_FLAG.matcher(pattern).find())
			.forEach((pattern) -> wrong.add("pattern " + pattern + " is not anchored ECMA-262"));
	}

	private Map<String, JsonNode> operations() {
		Map<String, JsonNode> operations = new LinkedHashMap<>();
		this.api.path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((operation) -> operations
					.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue())));
		return operations;
	}

}
