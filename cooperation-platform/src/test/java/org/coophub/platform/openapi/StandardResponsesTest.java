package org.coophub.platform.openapi;

import java.util.List;
import java.util.Properties;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import org.springframework.boot.info.BuildProperties;

import static org.assertj.core.api.Assertions.assertThat;

class StandardResponsesTest {

	@Test
	void aListAnswersTheErrorsEveryOperationCanGive() {
		OpenAPI api = documentWith("/api/v1/things", PathItem.HttpMethod.GET,
				operation().addParametersItem(new QueryParameter().name("q")));

		assertThat(responsesOf(api, "/api/v1/things", PathItem.HttpMethod.GET)).containsExactly("200", "400", "401",
				"403", "503");
	}

	@Test
	void anUpdateOfOneThingAnswersEveryStatusOfAVersionedChange() {
		OpenAPI api = documentWith("/api/v1/things/{id}", PathItem.HttpMethod.PATCH,
				operation().addParametersItem(new PathParameter().name("id"))
					.addParametersItem(new HeaderParameter().name("If-Match"))
					.requestBody(new RequestBody()));

		assertThat(responsesOf(api, "/api/v1/things/{id}", PathItem.HttpMethod.PATCH)).containsExactly("200", "400",
				"401", "403", "404", "409", "412", "413", "422", "428", "503");
		assertThat(api.getPaths().get("/api/v1/things/{id}").getPatch().getParameters().get(1).getRequired()).isTrue();
	}

	@Test
	void aWriteWithoutInputHasNothingARuleCouldRefuse() {
		OpenAPI api = documentWith("/api/v1/admin/things:rebuild", PathItem.HttpMethod.POST, operation());

		assertThat(responsesOf(api, "/api/v1/admin/things:rebuild", PathItem.HttpMethod.POST)).containsExactly("200",
				"400", "401", "403", "503");
	}

	@Test
	void anOperationWithoutSecurityIsNotSaidToAnswer401() {
		OpenAPI api = documentWith("/api/v1/open", PathItem.HttpMethod.GET, operation().security(List.of()));

		assertThat(responsesOf(api, "/api/v1/open", PathItem.HttpMethod.GET)).containsExactly("200", "400", "503");
	}

	@Test
	void aDeclaredErrorAnswersAProblemWhateverItWasGiven() {
		Operation create = operation().requestBody(new RequestBody());
		create.getResponses()
			.addApiResponse("409", new ApiResponse().description("A code already registered")
				.content(new Content().addMediaType("application/json", new MediaType())));
		OpenAPI api = documentWith("/api/v1/things", PathItem.HttpMethod.POST, create);

		ApiResponse conflict = api.getPaths().get("/api/v1/things").getPost().getResponses().get("409");
		assertThat(conflict.getDescription()).isEqualTo("A code already registered");
		assertThat(conflict.getContent()).containsOnlyKeys("application/problem+json");
		assertThat(conflict.getContent().get("application/problem+json").getSchema().get$ref())
			.isEqualTo("#/components/schemas/Problem");
	}

	@Test
	void theSharedResponsesAndTheProblemSchemaAreThereOnlyWhenUsed() {
		OpenAPI api = documentWith("/api/v1/things", PathItem.HttpMethod.GET, operation());

		assertThat(api.getComponents().getResponses()).containsOnlyKeys("BadRequest", "Unauthorized", "Forbidden",
				"ServiceUnavailable");
		assertThat(api.getComponents()
			.getResponses()
			.get("Forbidden")
			.getContent()
			.get("application/problem+json")
			.getExamples()
			.get("Forbidden")
			.getValue()).hasToString(
					"{type=about:blank, title=Forbidden, status=403, detail=Your role does not allow POST here (docs/security.md)}");
		assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "InputError");
		assertThat(api.getComponents().getSchemas().get("Problem").getProperties()).containsKeys("type", "title",
				"status", "detail", "instance", "errors");
	}

	@Test
	void theVersionIsTheBuildsEvenWhenTheResourcesWereNotFiltered() {
		Properties build = new Properties();
		build.setProperty("version", "1.2.3");

		assertThat(OpenApiAutoConfiguration.version("0.1.0-SNAPSHOT", null)).isEqualTo("0.1.0-SNAPSHOT");
		assertThat(OpenApiAutoConfiguration.version("@project.version@", new BuildProperties(build)))
			.isEqualTo("1.2.3");
		assertThat(OpenApiAutoConfiguration.version("@project.version@", null)).isEqualTo("unknown");
	}

	private static Operation operation() {
		return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
	}

	private static OpenAPI documentWith(String path, PathItem.HttpMethod method, Operation operation) {
		PathItem item = new PathItem();
		item.operation(method, operation);
		OpenAPI api = new OpenAPI(SpecVersion.V31).paths(new Paths().addPathItem(path, item))
			.security(List.of(new SecurityRequirement().addList("identity")));
		new StandardResponses().customise(api);
		return api;
	}

	private static List<String> responsesOf(OpenAPI api, String path, PathItem.HttpMethod method) {
		return List.copyOf(api.getPaths().get(path).readOperationsMap().get(method).getResponses().keySet());
	}

}
