package org.coophub.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.coophub.identity.SignInThrottleTest.MovableClock;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong client secrets at {@code /oauth2/token}, throttled like wrong passwords: a client
 * id is locked after 5 failures (unknown or not), an address after 12 (counted with its
 * failed sign-ins), for a lock that grows; the right secret gets 429 with
 * {@code Retry-After} while locked; the right secret resets the client's count. A
 * database of its own and a clock the test moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.mongodb.database=identity-client-secrets", "coophub.identity.sign-in.max-failures=5",
				"coophub.identity.sign-in.window=15m", "coophub.identity.sign-in.max-failures-per-address=12",
				"coophub.identity.sign-in.lockout=1m", "coophub.identity.sign-in.max-lockout=1h" })
@WithInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class ClientSecretThrottleTest {

	static final String SCRIPTS = "coophub-scripts";

	static final String WRONG = "guessed-secret";

	@LocalServerPort
	int port;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MovableClock clock;

	@Autowired
	JsonMapper json;

	Browser browser;

	@BeforeEach
	void setUp() {
		this.mongo.remove(new Query(), "signInFailures");
		this.browser = new Browser(this.port);
	}

	@Test
	void fiveWrongSecretsLockTheClientAndEvenTheRightSecretWaitsUntilTheLockEnds(CapturedOutput output) {
		for (int i = 1; i <= 4; i++) {
			// in the header or in the form: both are client secrets
			HttpResponse<String> wrong = (i % 2 == 0) ? tokenWithBasic(SCRIPTS, WRONG) : tokenWithForm(SCRIPTS, WRONG);
			assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
			assertThat(this.json.readTree(wrong.body()).path("error").asString()).isEqualTo("invalid_client");
			assertThat(wrong.headers().firstValue("Retry-After")).isEmpty();
		}

		assertLocked(tokenWithBasic(SCRIPTS, WRONG), 60);
		assertLocked(tokenWithBasic(SCRIPTS, ClientCredentialsTest.SECRET), 60);
		assertLocked(tokenWithForm(SCRIPTS, ClientCredentialsTest.SECRET), 60);
		assertThat(output).contains("Sign-in locked for client:coophub-scripts until").doesNotContain(WRONG);

		this.clock.advance(Duration.ofSeconds(59));
		assertLocked(tokenWithBasic(SCRIPTS, ClientCredentialsTest.SECRET), 1);
		this.clock.advance(Duration.ofSeconds(2));
		HttpResponse<String> token = tokenWithBasic(SCRIPTS, ClientCredentialsTest.SECRET);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		assertThat(token.body()).contains("access_token");
	}

	@Test
	void aLockRightAfterTheLastLastsTwiceAsLong() {
		for (int i = 1; i <= 5; i++) {
			tokenWithBasic(SCRIPTS, WRONG);
		}
		this.clock.advance(Duration.ofSeconds(61));
		for (int i = 1; i <= 4; i++) {
			assertThat(tokenWithBasic(SCRIPTS, WRONG).statusCode()).isEqualTo(401);
		}
		assertLocked(tokenWithBasic(SCRIPTS, WRONG), 120);

		this.clock.advance(Duration.ofSeconds(121));
		assertThat(tokenWithBasic(SCRIPTS, ClientCredentialsTest.SECRET).statusCode()).isEqualTo(200);
	}

	@Test
	void manyWrongSecretsFromOneAddressLockItForEveryClientId(CapturedOutput output) {
		for (int i = 1; i <= 11; i++) {
			// fewer than five per client id, unknown ones included: only the address's
			// count reaches its limit
			assertThat(tokenWithBasic("guess-" + (i % 4), WRONG).statusCode()).isEqualTo(401);
		}
		assertLocked(tokenWithBasic("guess-x", WRONG), 60);
		assertLocked(tokenWithBasic(SCRIPTS, ClientCredentialsTest.SECRET), 60);
		assertThat(output).contains("Sign-in locked for address:");

		this.clock.advance(Duration.ofSeconds(61));
		assertThat(tokenWithBasic(SCRIPTS, ClientCredentialsTest.SECRET).statusCode()).isEqualTo(200);
	}

	@Test
	void theRightSecretResetsTheClientsCount() {
		for (int i = 1; i <= 4; i++) {
			assertThat(tokenWithBasic(SCRIPTS, WRONG).statusCode()).isEqualTo(401);
		}
		assertThat(tokenWithBasic(SCRIPTS, ClientCredentialsTest.SECRET).statusCode()).isEqualTo(200);
		for (int i = 1; i <= 4; i++) {
			assertThat(tokenWithBasic(SCRIPTS, WRONG).statusCode()).isEqualTo(401);
		}
		assertThat(this.mongo.findById("client:" + SCRIPTS, Map.class, "signInFailures")).containsEntry("failures", 4);
	}

	@Test
	void aRequestWithoutASecretIsNeitherCountedNorRefused() {
		for (int i = 1; i <= 12; i++) {
			tokenWithBasic("guess-" + i, WRONG);
		}
		// the address is locked for secrets; this request carries none, so it guesses
		// nothing and is refused as any unauthenticated one
		HttpResponse<String> noSecret = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "client_credentials", "client_id", "coophub-workspace"));
		assertThat(noSecret.statusCode()).as(noSecret.body()).isEqualTo(401);
		assertThat(noSecret.body()).doesNotContain("access_token");
		assertThat(noSecret.headers().firstValue("Retry-After")).isEmpty();
		assertThat(this.mongo.findById("client:coophub-workspace", Map.class, "signInFailures")).isNull();
	}

	private void assertLocked(HttpResponse<String> response, long retryAfterSeconds) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue(Long.toString(retryAfterSeconds));
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json").containsIgnoringCase("UTF-8"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(429);
		assertThat(problem.path("detail").asString()).contains("Xác thực client thất bại quá nhiều lần")
			.contains("Too many failed client authentications")
			.contains(retryAfterSeconds + " giây")
			.contains(retryAfterSeconds + " seconds");
		// what an OAuth 2 client library reads
		assertThat(problem.path("error").asString()).isEqualTo("temporarily_unavailable");
		assertThat(problem.path("error_description").asString()).contains(retryAfterSeconds + " seconds");
		assertThat(response.body()).doesNotContain("access_token");
	}

	private HttpResponse<String> tokenWithBasic(String clientId, String secret) {
		return this.browser.postForm("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "api"),
				"Authorization", ClientCredentialsTest.basic(clientId, secret));
	}

	private HttpResponse<String> tokenWithForm(String clientId, String secret) {
		return this.browser.postForm("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "api",
				"client_id", clientId, "client_secret", secret));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
		}

	}

}
