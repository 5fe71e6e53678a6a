package org.coophub.activity;

import java.util.List;

import org.coophub.testsupport.OpenApiDocument;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

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

	@LocalServerPort
	int port;

	@Test
	void servesATruthfulContractSavedForTheLinters() {
		OpenApiDocument api = OpenApiDocument.fetchAndSave(this.port, "activity-service");

		assertThat(api.contractViolations("Hoạt động hợp tác", "Activities", List.of("POST /api/v1/activities",
				"POST /api/v1/activities:import", "POST /api/v1/imports/activities")))
			.isEmpty();
	}

}
