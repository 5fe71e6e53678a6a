package org.coophub.notification;

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
 * {@code target/openapi/notification-service.json} for {@code .ci/run} to lint with
 * Spectral and Redocly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class OpenApiContractIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void servesATruthfulContractSavedForTheLinters() {
		OpenApiDocument api = OpenApiDocument.fetchAndSave(this.port, "notification-service");

		assertThat(api.contractViolations("Thư thông báo", "Notifications", List.of())).isEmpty();
	}

}
