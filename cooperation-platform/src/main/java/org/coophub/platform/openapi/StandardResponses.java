package org.coophub.platform.openapi;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Documents, on every operation, the error answers it can give, from what the document
 * already says about it: a client reading the contract learns every status it must
 * handle, and a linter finds no operation without its 4xx answers.
 * <ul>
 * <li>400 and 503: every operation (any query string is checked, every operation but none
 * of these reads the database);</li>
 * <li>401 and 403: every operation that requires a token (all, unless one declares no
 * security);</li>
 * <li>404: a path with an id in it;</li>
 * <li>409, 412 and 428: an update that reads {@code If-Match} (a stale or missing
 * version, an illegal transition, a lost race); the header is then documented as
 * required, as the service treats it (428 without it);</li>
 * <li>413: an operation with a body;</li>
 * <li>422: a write (POST, PUT, PATCH, DELETE) that takes input, a body or a path or query
 * parameter: a rule may refuse it (a write without input, such as starting a rebuild, has
 * nothing to refuse).</li>
 * </ul>
 * Each is a reusable response ({@code #/components/responses/...}) with the
 * {@code Problem} schema and an example. A status an operation declares itself (an
 * {@code @ApiResponse} naming a 409 for a duplicate code) keeps its description and gets
 * the problem content.
 */
class StandardResponses implements GlobalOpenApiCustomizer {

	static final String PROBLEM_JSON = "application/problem+json";

	static final String IF_MATCH = "If-Match";

	private static final Set<PathItem.HttpMethod> WRITES = EnumSet.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
			PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

	@Override
	public void customise(OpenAPI api) {
		if (api.getPaths() == null) {
			return;
		}
		boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
		Set<StandardResponse> used = EnumSet.noneOf(StandardResponse.class);
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			OperationFacts facts = OperationFacts.of(path, method, operation, securedByDefault);
			ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
			for (StandardResponse response : StandardResponse.values()) {
				if (facts.answers(response) && !responses.containsKey(response.code())) {
					responses.addApiResponse(response.code(),
							new ApiResponse().$ref("#/components/responses/" + response.component()));
					used.add(response);
				}
			}
			responses.forEach((code, response) -> completeDeclaredProblem(code, response, api));
			operation.setResponses(sortedByStatus(responses));
			if (facts.readsIfMatch()) {
				requireIfMatch(operation);
			}
		}));
		Components components = components(api);
		for (StandardResponse response : used) {
			components.addResponses(response.component(), problemResponse(response, api));
		}
		addProblemSchema(api);
	}

	/**
	 * A 4xx or 5xx the operation declared itself: it answers a problem, whatever
	 * springdoc guessed (it gives an {@code @ApiResponse} without content the method's
	 * return type).
	 */
	private static void completeDeclaredProblem(String code, ApiResponse response, OpenAPI api) {
		if (response.get$ref() != null || !(code.startsWith("4") || code.startsWith("5"))
				|| (response.getContent() != null && response.getContent().containsKey(PROBLEM_JSON))) {
			return;
		}
		StandardResponse standard = StandardResponse.of(code);
		response.setContent(problemContent(standard, api));
	}

	private static ApiResponse problemResponse(StandardResponse response, OpenAPI api) {
		return new ApiResponse().description(response.description()).content(problemContent(response, api));
	}

	private static Content problemContent(StandardResponse response, OpenAPI api) {
		MediaType problem = new MediaType().schema(schema(api).$ref("#/components/schemas/Problem"));
		if (response != null) {
			problem.setExamples(
					Map.of(response.component(), new Example().summary(response.title()).value(response.example())));
		}
		return new Content().addMediaType(PROBLEM_JSON, problem);
	}

	/** The header the service reads, documented as the service treats it. */
	private static void requireIfMatch(Operation operation) {
		for (Parameter parameter : operation.getParameters()) {
			if ("header".equals(parameter.getIn()) && IF_MATCH.equalsIgnoreCase(parameter.getName())) {
				parameter.setRequired(true);
				if (parameter.getDescription() == null) {
					parameter.setDescription("The ETag last read (e.g. \"3\"), or *: the version this update changes. "
							+ "Without it 428; when the resource has changed since, 412.");
				}
				parameter.setExample("\"3\"");
			}
		}
	}

	private static ApiResponses sortedByStatus(ApiResponses responses) {
		ApiResponses sorted = new ApiResponses();
		responses.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.forEach((entry) -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
		sorted.setExtensions(responses.getExtensions());
		return sorted;
	}

	/** {@code Problem} and {@code InputError}, resolved from their annotated records. */
	private static void addProblemSchema(OpenAPI api) {
		ResolvedSchema resolved = ModelConverters.getInstance(api.getSpecVersion() == SpecVersion.V31)
			.resolveAsResolvedSchema(new AnnotatedType(Problem.class).resolveAsRef(false));
		Map<String, Schema> schemas = new LinkedHashMap<>(resolved.referencedSchemas);
		schemas.putIfAbsent("Problem", resolved.schema);
		schemas.forEach((name, schema) -> {
			if (components(api).getSchemas() == null || !components(api).getSchemas().containsKey(name)) {
				components(api).addSchemas(name, schema);
			}
		});
	}

	private static Schema<Object> schema(OpenAPI api) {
		Schema<Object> schema = new Schema<>();
		schema.setSpecVersion(api.getSpecVersion());
		return schema;
	}

	private static Components components(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		return api.getComponents();
	}

	/**
	 * What the document says about one operation that decides its error answers.
	 */
	record OperationFacts(boolean secured, boolean hasId, boolean readsIfMatch, boolean hasBody, boolean writesInput) {

		static OperationFacts of(String path, PathItem.HttpMethod method, Operation operation,
				boolean securedByDefault) {
			boolean secured = (operation.getSecurity() != null) ? !operation.getSecurity().isEmpty() : securedByDefault;
			List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
			boolean ifMatch = parameters.stream()
				.anyMatch((parameter) -> "header".equals(parameter.getIn())
						&& IF_MATCH.toLowerCase(Locale.ROOT).equals(parameter.getName().toLowerCase(Locale.ROOT)));
			boolean body = operation.getRequestBody() != null;
			boolean input = body || parameters.stream().anyMatch((parameter) -> !"header".equals(parameter.getIn()));
			return new OperationFacts(secured, path.contains("{"), ifMatch, body, WRITES.contains(method) && input);
		}

		boolean answers(StandardResponse response) {
			return switch (response) {
				case BAD_REQUEST, SERVICE_UNAVAILABLE -> true;
				case UNAUTHORIZED, FORBIDDEN -> this.secured;
				case NOT_FOUND -> this.hasId;
				case CONFLICT, PRECONDITION_FAILED, PRECONDITION_REQUIRED -> this.readsIfMatch;
				case CONTENT_TOO_LARGE -> this.hasBody;
				case UNPROCESSABLE_CONTENT -> this.writesInput;
			};
		}

	}

}
