package org.coophub.identity;

import java.net.http.HttpResponse;

import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What anyone may read without signing in, and what they may not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class PublicEndpointsTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Browser browser;

	@BeforeEach
	void setUp() {
		this.browser = new Browser(this.port);
	}

	@Test
	void theOpenIdConfigurationNamesTheIssuerAndItsEndpoints() {
		HttpResponse<String> response = this.browser.get("/.well-known/openid-configuration");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode configuration = this.json.readTree(response.body());
		assertThat(configuration.path("issuer").asString()).isEqualTo("http://127.0.0.1:9000");
		assertThat(configuration.path("jwks_uri").asString()).isEqualTo("http://127.0.0.1:9000/oauth2/jwks");
		assertThat(configuration.path("userinfo_endpoint").asString()).isEqualTo("http://127.0.0.1:9000/userinfo");
		assertThat(configuration.path("code_challenge_methods_supported").values()).extracting(JsonNode::asString)
			.containsExactly("S256");
	}

	@Test
	void healthIsOpenAndOtherActuatorEndpointsAreNot() {
		HttpResponse<String> health = this.browser.get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(health.body()).path("status").asString()).isEqualTo("UP");
		assertThat(this.browser.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		// ready with MongoDB alone: this server uses no Kafka
		assertThat(this.browser.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		assertThat(this.browser.get("/actuator/env").statusCode()).isNotEqualTo(200);
	}

	@Test
	void userInfoWantsABearerToken() {
		HttpResponse<String> response = this.browser.get("/userinfo");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void anApiClientIsNotSentToTheLoginPage() {
		String validRequest = "/oauth2/authorize?response_type=code&client_id=coophub-workspace&scope=openid"
				+ "&redirect_uri=http://127.0.0.1:8080/login/oauth2/code/identity"
				+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

		HttpResponse<String> response = this.browser.get(validRequest, "Accept", "*/*");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		// the same request from a browser goes to the login page
		assertThat(this.browser.get(validRequest, "Accept", "text/html").statusCode()).isEqualTo(302);
	}

}
