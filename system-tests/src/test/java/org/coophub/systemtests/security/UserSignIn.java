package org.coophub.systemtests.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.coophub.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a demo user in as the workspace's browser would, through identity-service's real
 * form: the authorization code flow with PKCE of the confidential client
 * {@code coophub-workspace}, with the redirect address the local stack registered for the
 * workspace. The flow stops at that redirect and redeems the code here, with the
 * workspace's secret (the local stack's, {@link LocalStack#WORKSPACE_SECRET}), instead of
 * by the workspace: that gives the user's own access token (audience {@code coophub-api})
 * and ID token (audience {@code coophub-workspace}), to attack the services with as that
 * user. The browser never holds them; an attacker who took the workspace's secret would.
 */
final class UserSignIn {

	private static final String CLIENT = "coophub-workspace";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LocalStack stack;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** Every cookie set so far, by whom: the cookie store keeps no attributes. */
	private final List<CookieSet> cookiesSet = new ArrayList<>();

	UserSignIn(LocalStack stack) {
		this.stack = stack;
	}

	/**
	 * Signs the user in and redeems the code.
	 * @param user a demo user ({@link LocalStack#DEMO_USERS})
	 * @return the token response: {@code access_token}, {@code id_token}
	 */
	Tokens tokens(String user) {
		// the workspace need not answer: the flow stops at its address
		String redirect = this.stack.workspaceUrl().resolve("/login/oauth2/code/identity").toString();
		String verifier = randomUrlSafe();
		URI authorize = this.stack.identityIssuer()
			.resolve("/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT, "scope",
					"openid profile", "redirect_uri", redirect, "state", randomUrlSafe(), "nonce", randomUrlSafe(),
					"code_challenge", challenge(verifier), "code_challenge_method", "S256")));
		URI back = signInAndFollow(authorize, user, (uri) -> uri.toString().startsWith(redirect));
		String code = query(back).get("code");
		if (code == null) {
			throw new IllegalStateException("No code in " + back);
		}
		HttpResponse<String> token = send(HttpRequest.newBuilder(this.stack.identityIssuer().resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			// client_secret_basic, as the workspace authenticates
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((CLIENT + ":" + LocalStack.WORKSPACE_SECRET).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
					"redirect_uri", redirect, "code_verifier", verifier)))));
		if (token.statusCode() != 200) {
			throw new IllegalStateException("Token endpoint answered " + token.statusCode() + ": " + token.body());
		}
		JsonNode json = JSON.readTree(token.body());
		return new Tokens(json.get("access_token").asString(), json.get("id_token").asString());
	}

	/**
	 * Opens a page of the workspace as the user, who is sent to identity-service's form
	 * and signs in there, as in a browser.
	 * @param page the page's path, e.g. {@code index.html}
	 * @return the page's answer once back on it, signed in, and every cookie the
	 * workspace set on the way ({@code Set-Cookie} values)
	 */
	SignedInPage workspacePage(String user, String page) {
		URI workspace = this.stack.workspaceUrl();
		URI address = workspace.resolve("/" + page);
		signInAndFollow(address, user, (uri) -> false);
		HttpResponse<String> answer = send(HttpRequest.newBuilder(address).header("Accept", "text/html").GET());
		List<String> cookies = this.cookiesSet.stream()
			.filter((set) -> set.from().getRawAuthority().equals(workspace.getRawAuthority()))
			.map(CookieSet::cookie)
			.toList();
		return new SignedInPage(answer, cookies);
	}

	/**
	 * A request to the workspace with this browser's cookies (its session, once signed
	 * in, and the {@code XSRF-TOKEN} cookie), as a script on a page could send it.
	 * @param path the path on the workspace, e.g. {@code /api/v1/activities}
	 * @param json the body, or {@code null}
	 * @param headers more headers, name and value in turn
	 */
	HttpResponse<String> fromWorkspace(String method, String path, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.stack.workspaceUrl().resolve(path))
			.header("Accept", "application/json")
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/**
	 * Follows redirects from {@code start}, filling in the sign-in form when it shows,
	 * until {@code arrived} says the location is the destination (not requested) or a
	 * page answers 200.
	 */
	private URI signInAndFollow(URI start, String user, Predicate<URI> arrived) {
		URI at = start;
		boolean signedIn = false;
		for (int hop = 0; hop < 15; hop++) {
			if (arrived.test(at)) {
				return at;
			}
			HttpResponse<String> page = send(HttpRequest.newBuilder(at).header("Accept", "text/html").GET());
			if (page.statusCode() / 100 == 3) {
				at = at.resolve(page.headers().firstValue("Location").orElseThrow());
				continue;
			}
			Matcher csrf = CSRF.matcher(page.body());
			if (page.statusCode() == 200 && !signedIn && csrf.find() && page.body().contains("name=\"username\"")) {
				HttpResponse<String> login = send(HttpRequest.newBuilder(at.resolve("/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form(
							Map.of("username", user, "password", LocalStack.DEMO_PASSWORD, "_csrf", csrf.group(1))))));
				if (login.statusCode() / 100 != 3
						|| login.headers().firstValue("Location").orElse("").contains("error")) {
					throw new IllegalStateException("Sign-in of " + user + " answered " + login.statusCode() + " "
							+ login.headers().firstValue("Location").orElse(""));
				}
				signedIn = true;
				at = at.resolve(login.headers().firstValue("Location").orElseThrow());
				continue;
			}
			if (page.statusCode() == 200) {
				return at;
			}
			throw new IllegalStateException("GET " + at + " answered " + page.statusCode() + ": " + page.body());
		}
		throw new IllegalStateException("Too many redirects from " + start);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.browser.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			response.headers()
				.allValues("Set-Cookie")
				.forEach((cookie) -> this.cookiesSet.add(new CookieSet(response.uri(), cookie)));
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> query(URI uri) {
		return Arrays.stream(uri.getRawQuery().split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((pair) -> pair[0],
					(pair) -> (pair.length > 1) ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String randomUrlSafe() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A user's tokens.
	 *
	 * @param access the access token (for the API)
	 * @param id the ID token (for the workspace only)
	 */
	record Tokens(String access, String id) {
	}

	/**
	 * A page of the workspace, signed in.
	 *
	 * @param answer the page's answer
	 * @param cookies the {@code Set-Cookie} values the workspace sent during the sign-in
	 * and with the page
	 */
	record SignedInPage(HttpResponse<String> answer, List<String> cookies) {
	}

	private record CookieSet(URI from, String cookie) {
	}

}
