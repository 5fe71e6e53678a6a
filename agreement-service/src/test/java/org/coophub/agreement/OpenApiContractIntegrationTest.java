package org.coophub.agreement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.coophub.testsupport.OpenApiDocument;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document this service serves tells the truth a client and a linter need
 * (docs/api.md, "Contract"), and is saved as
 * {@code target/openapi/agreement-service.json} for {@code .ci/run} to lint with Spectral
 * and Redocly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class OpenApiContractIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void servesATruthfulContractSavedForTheLinters() throws IOException {
		OpenApiDocument api = OpenApiDocument.fetchAndSave(this.port, "agreement-service");

		assertThat(api.contractViolations("Chương trình hợp tác", "Cooperation programs", List
			.of("POST /api/v1/agreements", "POST /api/v1/organizations", "POST /api/v1/agreements/{id}/commitments")))
			.isEmpty();
		// every list's page, searched or not, is described by one schema that names the
		// flag of a total that stopped at the bound
		JsonNode saved = JsonMapper.builder()
			.build()
			.readTree(Files.readString(Path.of("target", "openapi", "agreement-service.json")));
		assertThat(saved.at("/paths/~1api~1v1~1agreements/get/responses/200/content/application~1json/schema/$ref")
			.asString()).startsWith("#/components/schemas/ListPage");
		assertThat(saved.at("/paths/~1api~1v1~1organizations/get/responses/200/content/application~1json/schema/$ref")
			.asString()).startsWith("#/components/schemas/ListPage");
		assertThat(saved.at("/components/schemas/PageMetadata/properties/totalCapped/type").asString())
			.isEqualTo("boolean");
		assertThat(saved.at("/components/schemas/PageMetadata/properties/totalCapped/description").asString())
			.contains("bound");
	}

}
