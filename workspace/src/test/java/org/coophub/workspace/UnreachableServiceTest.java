package org.coophub.workspace;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that does not answer is said as problem details, 502, in the user's language:
 * what the page shows, rather than a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnreachableServiceTest {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void nobodyListens(DynamicPropertyRegistry registry) throws IOException {
		String closed = "http://127.0.0.1:" + closedPort();
		registry.add("coophub.workspace.client-secret", () -> FakeIdentity.CLIENT_SECRET);
		registry.add("coophub.workspace.services.reporting", () -> closed);
	}

	@Test
	void aServiceThatDoesNotAnswerIsA502Problem() {
		HttpResponse<String> response = new Browser(this.port).get("/calendar/feeds/s3cr3t.ics", "Accept-Language",
				"vi");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("Dịch vụ tạm thời không trả lời");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
