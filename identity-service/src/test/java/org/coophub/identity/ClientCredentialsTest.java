package org.coophub.identity;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts get an ADMIN token for their secret, and nothing for a wrong one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ClientCredentialsTest {

	static final String SECRET = "test-scripts-secret";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	AuthorizationServerSettings settings;

	Browser browser;

	JwtDecoder published;

	@BeforeEach
	void setUp() {
		this.browser = new Browser(this.port);
		// checks the signature with the keys the server publishes, as the services do
		this.published = NimbusJwtDecoder.withJwkSetUri(this.browser.resolve("/oauth2/jwks").toString()).build();
	}

	@Test
	void theScriptsClientGetsAnAdminTokenSignedWithThePublishedKey() {
		HttpResponse<String> response = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "client_credentials", "scope", "api"), "Authorization",
				basic("coophub-scripts", SECRET));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.path("expires_in").asLong()).isBetween(890L, 900L);
		Jwt token = this.published.decode(body.path("access_token").asString());
		assertThat(token.getHeaders()).containsEntry("alg", "RS256");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("ADMIN");
		assertThat(token.getClaimAsString("name")).isEqualTo("Scripts");
		assertThat(token.hasClaim("organization")).isFalse();
		assertThat(token.getSubject()).isEqualTo("coophub-scripts");
		// meant for the services' API, and only for it
		assertThat(token.getAudience()).containsExactly("coophub-api");
		assertThat(token.getClaimAsStringList("scope")).containsExactly("api");
		assertThat(token.getExpiresAt()).isNotNull();
		assertThat(token.getClaimAsString("iss")).isEqualTo(this.settings.getIssuer())
			.isEqualTo("http://127.0.0.1:9000");
	}

	@Test
	void theSecretMayAlsoComeInTheForm() {
		HttpResponse<String> response = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "client_credentials", "client_id", "coophub-scripts", "client_secret", SECRET));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Jwt token = this.published.decode(this.json.readTree(response.body()).path("access_token").asString());
		assertThat(token.getClaimAsStringList("roles")).containsExactly("ADMIN");
	}

	@Test
	void aWrongSecretGetsNoToken() {
		HttpResponse<String> response = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "client_credentials"), "Authorization", basic("coophub-scripts", "guessed"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("access_token").contains("invalid_client");
	}

	@Test
	void theWorkspaceMayNotUseClientCredentials() {
		// with its right secret: it acts only for a signed-in user, never for itself
		HttpResponse<String> response = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "client_credentials"), "Authorization",
				basic("coophub-workspace", "test-workspace-secret"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("unauthorized_client").doesNotContain("access_token");
	}

	static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((Browser.encode(clientId) + ":" + Browser.encode(secret)).getBytes());
	}

}
