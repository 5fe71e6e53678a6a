package org.coophub.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace's sign-in, step by step as a browser and the workspace make it:
 * authorization request, login page, login, authorization code, and the code exchanged
 * with the workspace's secret and its PKCE verifier.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class AuthorizationCodeFlowTest {

	static final String WORKSPACE = "coophub-workspace";

	static final String WORKSPACE_SECRET = "test-workspace-secret";

	static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/identity";

	static final String HTML = "text/html,application/xhtml+xml";

	static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Browser browser;

	JwtDecoder published;

	@BeforeEach
	void setUp() {
		this.browser = new Browser(this.port);
		this.published = NimbusJwtDecoder.withJwkSetUri(this.browser.resolve("/oauth2/jwks").toString()).build();
	}

	@Test
	void anEditorSignsInAndGetsTokensNamingTheirRoleAndOrganization() {
		Pkce pkce = Pkce.create();
		String state = UUID.randomUUID().toString();

		HttpResponse<String> authorize = this.browser.get(authorizeUri(pkce, state), "Accept", HTML);
		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(URI.create(Browser.location(authorize)).getPath()).isEqualTo("/login");

		signIn("ld-editor", "demo-Passw0rd");

		Map<String, String> callback = authorizationResponse(authorizeUri(pkce, state));
		assertThat(callback).containsEntry("state", state).containsKey("code");

		HttpResponse<String> exchange = exchange(codeExchange(callback.get("code"), pkce.verifier()));
		assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(200);
		JsonNode tokens = this.json.readTree(exchange.body());

		Jwt access = this.published.decode(tokens.path("access_token").asString());
		assertThat(access.getSubject()).isEqualTo("ld-editor");
		assertThat(access.getClaimAsStringList("roles")).containsExactly("EDITOR");
		assertThat(access.getClaimAsString("organization")).isEqualTo("BQL-LD");
		assertThat(access.getClaimAsString("name")).isEqualTo("Biên tập viên – BQL các KCN Lâm Đồng");
		assertThat(access.getClaimAsString("iss")).isEqualTo("http://127.0.0.1:9000");
		assertThat(access.getAudience()).containsExactly("coophub-api");
		assertThat(access.getExpiresAt()).isNotNull();

		Jwt id = this.published.decode(tokens.path("id_token").asString());
		// an ID token is for the workspace alone: no service accepts it
		assertThat(id.getAudience()).containsExactly(WORKSPACE).doesNotContain("coophub-api");
		assertThat(id.getClaimAsStringList("roles")).containsExactly("EDITOR");
		assertThat(id.getClaimAsString("organization")).isEqualTo("BQL-LD");
		assertThat(id.getClaimAsString("name")).isEqualTo("Biên tập viên – BQL các KCN Lâm Đồng");

		HttpResponse<String> userInfo = this.browser.get("/userinfo", "Authorization",
				"Bearer " + tokens.path("access_token").asString());
		assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
		assertThat(this.json.readTree(userInfo.body()).path("sub").asString()).isEqualTo("ld-editor");

		// the admin operations check tokens as the services do: the ID token is refused,
		// the EDITOR's access token gets in and is turned away for its role
		assertThat(
				this.browser.get("/admin/signing-keys", "Authorization", "Bearer " + tokens.path("id_token").asString())
					.statusCode())
			.isEqualTo(401);
		assertThat(this.browser
			.get("/admin/signing-keys", "Authorization", "Bearer " + tokens.path("access_token").asString())
			.statusCode()).isEqualTo(403);
	}

	@Test
	void theCodeIsWorthNothingWithoutTheWorkspacesSecret() {
		Pkce pkce = Pkce.create();
		this.browser.get(authorizeUri(pkce, "w"), "Accept", HTML);
		signIn("ld-editor", "demo-Passw0rd");
		String code = authorizationResponse(authorizeUri(pkce, "w")).get("code");

		// as a public client would send it: the client id, no secret
		Map<String, String> withoutSecret = new LinkedHashMap<>(codeExchange(code, pkce.verifier()));
		withoutSecret.put("client_id", WORKSPACE);
		HttpResponse<String> refused = this.browser.postForm("/oauth2/token", withoutSecret);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("invalid_client").doesNotContain("access_token");
		HttpResponse<String> wrongSecret = this.browser.postForm("/oauth2/token", codeExchange(code, pkce.verifier()),
				"Authorization", basic(WORKSPACE, "guessed"));
		assertThat(wrongSecret.statusCode()).isEqualTo(401);
		assertThat(wrongSecret.body()).contains("invalid_client").doesNotContain("access_token");

		// the code was not spent by the refused attempts
		assertThat(exchange(codeExchange(code, pkce.verifier())).statusCode()).isEqualTo(200);
	}

	@Test
	void theWorkspaceRenewsTheAccessTokenWithoutANewSignIn() {
		Pkce pkce = Pkce.create();
		this.browser.get(authorizeUri(pkce, "w"), "Accept", HTML);
		signIn("ld-editor", "demo-Passw0rd");
		String code = authorizationResponse(authorizeUri(pkce, "w")).get("code");
		HttpResponse<String> tokens = exchange(codeExchange(code, pkce.verifier()));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		String refreshToken = this.json.readTree(tokens.body()).path("refresh_token").asString();
		assertThat(refreshToken).isNotBlank();

		HttpResponse<String> renewed = exchange(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));

		assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
		Jwt renewedAccess = this.published.decode(this.json.readTree(renewed.body()).path("access_token").asString());
		assertThat(renewedAccess.getSubject()).isEqualTo("ld-editor");
		assertThat(renewedAccess.getClaimAsStringList("roles")).containsExactly("EDITOR");
		assertThat(renewedAccess.getClaimAsString("organization")).isEqualTo("BQL-LD");
		assertThat(renewedAccess.getAudience()).containsExactly("coophub-api");
		// only with the secret: a refresh token alone is worth nothing
		HttpResponse<String> withoutSecret = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", WORKSPACE));
		assertThat(withoutSecret.statusCode()).isIn(400, 401);
		assertThat(withoutSecret.body()).doesNotContain("access_token");
	}

	@Test
	void theSecretariatsTokensNameNoOrganization() {
		Pkce pkce = Pkce.create();
		this.browser.get(authorizeUri(pkce, "s"), "Accept", HTML);
		signIn("ADMIN", "demo-Passw0rd");

		Map<String, String> callback = authorizationResponse(authorizeUri(pkce, "s"));
		HttpResponse<String> exchange = exchange(codeExchange(callback.get("code"), pkce.verifier()));

		assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(200);
		Jwt access = this.published.decode(this.json.readTree(exchange.body()).path("access_token").asString());
		assertThat(access.getSubject()).isEqualTo("admin");
		assertThat(access.getClaimAsStringList("roles")).containsExactly("ADMIN");
		assertThat(access.hasClaim("organization")).isFalse();
	}

	@Test
	void aCodeWithoutItsVerifierIsRefused() {
		Pkce pkce = Pkce.create();
		this.browser.get(authorizeUri(pkce, "s"), "Accept", HTML);
		signIn("hcm-viewer", "demo-Passw0rd");
		String code = authorizationResponse(authorizeUri(pkce, "s")).get("code");

		// the secret alone is not enough: PKCE is required of the workspace too
		HttpResponse<String> withoutVerifier = exchange(codeExchange(code, null));
		assertThat(withoutVerifier.statusCode()).isEqualTo(400);
		assertThat(withoutVerifier.body()).contains("invalid_grant").doesNotContain("access_token");

		HttpResponse<String> wrongVerifier = exchange(codeExchange(code, Pkce.create().verifier()));
		assertThat(wrongVerifier.statusCode()).isEqualTo(400);
		assertThat(wrongVerifier.body()).contains("invalid_grant").doesNotContain("access_token");
	}

	@Test
	void anAuthorizationRequestWithoutPkceIsRefused() {
		String uri = UriComponentsBuilder.fromPath("/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", WORKSPACE)
			.queryParam("redirect_uri", REDIRECT_URI)
			.queryParam("scope", "openid profile")
			.queryParam("state", "s")
			.encode()
			.toUriString();
		// refused before anyone signs in: the request can never succeed
		HttpResponse<String> response = this.browser.get(uri, "Accept", HTML);

		assertThat(response.statusCode()).isEqualTo(302);
		String location = Browser.location(response);
		assertThat(location).startsWith(REDIRECT_URI + "?");
		assertThat(UriComponentsBuilder.fromUriString(location).build().getQueryParams())
			.containsEntry("error", List.of("invalid_request"))
			.doesNotContainKey("code");
	}

	@Test
	void theLocalhostRedirectUriWorksToo() {
		String localhost = "http://localhost:8080/login/oauth2/code/identity";
		Pkce pkce = Pkce.create();
		this.browser.get(authorizeUri(pkce, "s", localhost), "Accept", HTML);
		signIn("ld-viewer", "demo-Passw0rd");

		HttpResponse<String> response = this.browser.get(authorizeUri(pkce, "s", localhost), "Accept", HTML);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(Browser.location(response)).startsWith(localhost + "?code=");
	}

	@Test
	void aWrongPasswordDoesNotSignIn() {
		Pkce pkce = Pkce.create();
		this.browser.get(authorizeUri(pkce, "s"), "Accept", HTML);

		HttpResponse<String> login = this.browser.postForm("/login",
				Map.of("username", "ld-editor", "password", "wrong", "_csrf", csrfToken()));

		assertThat(Browser.location(login)).endsWith("/login?error");
		HttpResponse<String> authorize = this.browser.get(authorizeUri(pkce, "s"), "Accept", HTML);
		assertThat(URI.create(Browser.location(authorize)).getPath()).isEqualTo("/login");
	}

	private void signIn(String username, String password) {
		HttpResponse<String> login = this.browser.postForm("/login",
				Map.of("username", username, "password", password, "_csrf", csrfToken()));
		assertThat(login.statusCode()).isEqualTo(302);
		// back to the saved authorization request, not to an error
		assertThat(Browser.location(login)).contains("/oauth2/authorize");
	}

	private String csrfToken() {
		HttpResponse<String> page = this.browser.get("/login", "Accept", HTML);
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as("a _csrf field in the login page").isTrue();
		return csrf.group(1);
	}

	/** Follows the authorization request to the client's redirect URI. */
	private Map<String, String> authorizationResponse(String authorizeUri) {
		HttpResponse<String> response = this.browser.get(authorizeUri, "Accept", HTML);
		assertThat(response.statusCode()).isEqualTo(302);
		String location = Browser.location(response);
		assertThat(location).startsWith(REDIRECT_URI + "?");
		return UriComponentsBuilder.fromUriString(location).build().getQueryParams().toSingleValueMap();
	}

	private static String authorizeUri(Pkce pkce, String state) {
		return authorizeUri(pkce, state, REDIRECT_URI);
	}

	private static String authorizeUri(Pkce pkce, String state, String redirectUri) {
		return UriComponentsBuilder.fromPath("/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", WORKSPACE)
			.queryParam("redirect_uri", redirectUri)
			.queryParam("scope", "openid profile")
			.queryParam("state", state)
			.queryParam("code_challenge", pkce.challenge())
			.queryParam("code_challenge_method", "S256")
			.encode()
			.toUriString();
	}

	private static String basic(String clientId, String secret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	/** A request to the token endpoint as the workspace sends it: with its secret. */
	private HttpResponse<String> exchange(Map<String, String> form) {
		return this.browser.postForm("/oauth2/token", form, "Authorization", basic(WORKSPACE, WORKSPACE_SECRET));
	}

	private static Map<String, String> codeExchange(String code, String verifier) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", REDIRECT_URI);
		if (verifier != null) {
			form.put("code_verifier", verifier);
		}
		return form;
	}

	record Pkce(String verifier, String challenge) {

		static Pkce create() {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(verifier.getBytes(StandardCharsets.US_ASCII));
				return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
