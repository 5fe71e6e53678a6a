package org.coophub.activity;

import org.coophub.testsupport.AccessSweep;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation refuses a missing, expired, tampered or foreign token (401) and a
 * VIEWER's write (403), and lets a VIEWER read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class AccessIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void everyOperationChecksTheTokenAndTheRole() {
		AccessSweep sweep = AccessSweep.of(this.port);

		assertThat(sweep.failures()).isEmpty();
		assertThat(sweep.operations()).isGreaterThanOrEqualTo(9);
	}

}
