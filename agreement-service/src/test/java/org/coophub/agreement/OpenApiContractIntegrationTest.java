package org.coophub.agreement;

import java.util.List;

import org.coophub.testsupport.OpenApiDocument;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

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
	void servesATruthfulContractSavedForTheLinters() {
		OpenApiDocument api = OpenApiDocument.fetchAndSave(this.port, "agreement-service");

		assertThat(api.contractViolations("Chương trình hợp tác", "Cooperation programs", List
			.of("POST /api/v1/agreements", "POST /api/v1/organizations", "POST /api/v1/agreements/{id}/commitments")))
			.isEmpty();
	}

}
