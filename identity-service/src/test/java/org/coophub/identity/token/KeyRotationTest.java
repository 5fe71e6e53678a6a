package org.coophub.identity.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat rotates the signing key over HTTP: new tokens name the new key, tokens
 * signed before still verify against the published keys. A database of its own, so the
 * other tests see one key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.mongodb.database=identity-rotation")
@WithInfrastructure
class KeyRotationTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	HttpClient http = HttpClient.newHttpClient();

	NimbusJwtDecoder published;

	@BeforeEach
	void setUp() {
		// checks signatures with the keys the server publishes, as the services do
		this.published = NimbusJwtDecoder.withJwkSetUri(uri("/oauth2/jwks").toString()).build();
	}

	@Test
	void aTokenSignedBeforeTheRotationStillVerifiesAndNewTokensUseTheNewKey() throws Exception {
		String before = scriptsToken();
		String oldKid = this.published.decode(before).getHeaders().get("kid").toString();

		HttpResponse<String> rotation = send("POST", "/admin/signing-keys/rotation", before);

		assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
		JsonNode keys = this.json.readTree(rotation.body());
		String newKid = keys.path("signing").asString();
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(keys.path("verifying").values()).extracting(JsonNode::asString).containsExactly(newKid, oldKid);
		assertThat(rotation.body()).doesNotContain("\"d\"").doesNotContain("encrypted");

		String after = scriptsToken();
		Jwt afterToken = this.published.decode(after);
		assertThat(afterToken.getHeaders()).containsEntry("kid", newKid);
		Jwt beforeToken = this.published.decode(before);
		assertThat(beforeToken.getSubject()).isEqualTo("coophub-scripts");
		// and the old token still opens the admin operations
		assertThat(send("GET", "/admin/signing-keys", before).statusCode()).isEqualTo(200);
	}

	@Test
	void rotatingNeedsAToken() throws Exception {
		HttpResponse<String> response = send("POST", "/admin/signing-keys/rotation", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

	private String scriptsToken() throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString("coophub-scripts:test-scripts-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body()).path("access_token").asString();
	}

	private HttpResponse<String> send(String method, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
