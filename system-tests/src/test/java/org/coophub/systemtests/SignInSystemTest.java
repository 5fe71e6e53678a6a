package org.coophub.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's sign-in as a script sees it: identity-service runs beside the four
 * services, its client-credentials token opens every service's API, and without a valid
 * token every service answers 401 problem+json, its metrics included.
 */
class SignInSystemTest {

	/** One read per service that needs a token. */
	static final Map<StackService, String> READS = Map.of(StackService.AGREEMENT, "/api/v1/agreements",
			StackService.ACTIVITY, "/api/v1/activities", StackService.REPORTING, "/api/v1/dashboard",
			StackService.NOTIFICATION, "/api/v1/notifications");

	private final LocalStack stack = SharedStack.get();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theScriptsTokenComesFromTheStacksIdentityServiceAndCarriesTheRoleAdmin() throws Exception {
		assertThat(get(this.stack.identityIssuer().resolve("/actuator/health"), null).statusCode()).isEqualTo(200);

		String token = this.stack.accessToken();
		String[] parts = token.split("\\.");
		assertThat(parts).as("a signed JWT").hasSize(3);
		JsonNode claims = this.json
			.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
		assertThat(claims.get("iss").asString()).isEqualTo(this.stack.identityIssuer().toString());
		assertThat(claims.get("sub").asString()).isEqualTo(LocalStack.SCRIPTS_CLIENT);
		assertThat(claims.get("roles").values()).extracting(JsonNode::asString).containsExactly("ADMIN");
		assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
		assertThat(this.stack.accessToken()).as("kept, not fetched per request").isEqualTo(token);
	}

	@Test
	void everyServiceAnswersATokenAndRefusesACallWithoutOne() throws Exception {
		for (Map.Entry<StackService, String> read : READS.entrySet()) {
			URI uri = this.stack.serviceUrl(read.getKey()).resolve(read.getValue());
			assertThat(get(uri, this.stack.accessToken()).statusCode()).as("%s with a token", uri).isEqualTo(200);

			HttpResponse<String> anonymous = get(uri, null);
			assertThat(anonymous.statusCode()).as("%s without a token", uri).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));

			assertThat(get(uri, "not-a-jwt").statusCode()).as("%s with a forged token", uri).isEqualTo(401);

			URI metrics = this.stack.serviceUrl(read.getKey()).resolve("/actuator/prometheus");
			assertThat(get(metrics, null).statusCode()).as("%s without a token", metrics).isEqualTo(401);
			assertThat(get(metrics, this.stack.accessToken()).statusCode()).as("%s with a token", metrics)
				.isEqualTo(200);
			assertThat(get(this.stack.serviceUrl(read.getKey()).resolve("/actuator/health"), null).statusCode())
				.as("%s health stays open", read.getKey())
				.isEqualTo(200);
		}
	}

	private HttpResponse<String> get(URI uri, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
