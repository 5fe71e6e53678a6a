package org.coophub.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page in one language at a time, as a browser gets it: chosen by the
 * {@code lang} parameter (and then remembered in the {@code coophub-lang} cookie it
 * shares with the workspace), the {@code ui_locales} of the authorization request, the
 * cookie, {@code Accept-Language}, else Vietnamese; labelled fields; nothing the browser
 * sends reaches the page unescaped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class LoginPageTest {

	static final String HTML = AuthorizationCodeFlowTest.HTML;

	/** The workspace's client, as identity-service registers it by default. */
	static final String WORKSPACE = "coophub-workspace";

	static final String WORKSPACE_REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/identity";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void setUp() {
		this.browser = new Browser(this.port);
	}

	@Test
	void withoutAnyChoiceThePageIsVietnameseWithLabelledFieldsAndALinkToEnglish() {
		HttpResponse<String> page = this.browser.get("/login", "Accept", HTML);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
		assertThat(page.body()).contains("<html lang=\"vi\">")
			.contains("<title>Đăng nhập – Cooperation Hub</title>")
			.contains("<span class=\"brand\">Cooperation Hub</span>")
			.contains("<label for=\"username\">Tên đăng nhập</label>")
			.contains("<input type=\"text\" id=\"username\" name=\"username\"")
			.contains("<label for=\"password\">Mật khẩu</label>")
			.contains("<input type=\"password\" id=\"password\" name=\"password\"")
			.contains("<button type=\"submit\">Đăng nhập</button>")
			.contains("href=\"/login?lang=en\" hreflang=\"en\" lang=\"en\">English</a>")
			.contains("#0b5563")
			.contains(":focus-visible")
			.doesNotContain("Username")
			.doesNotContain("Sign in");
		// nothing chosen, nothing remembered
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("coophub-lang"));
	}

	@Test
	void anEnglishBrowserGetsTheEnglishPage() {
		HttpResponse<String> page = this.browser.get("/login?logout", "Accept", HTML, "Accept-Language",
				"en-GB,en;q=0.9,vi;q=0.5");

		assertThat(page.body()).contains("<html lang=\"en\">")
			.contains("<label for=\"username\">Username</label>")
			.contains("<label for=\"password\">Password</label>")
			.contains("<div class=\"message info\" role=\"status\">You have signed out.</div>")
			// the switch keeps the message
			.contains("href=\"/login?lang=vi&amp;logout\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>")
			.doesNotContain("Bạn đã đăng xuất")
			.doesNotContain("Tên đăng nhập");
		// a language the page does not speak: Vietnamese
		assertThat(this.browser.get("/login", "Accept", HTML, "Accept-Language", "fr-FR,fr").body())
			.contains("<html lang=\"vi\">");
	}

	@Test
	void theSwitchLinkSetsTheCookieThatThenChoosesTheLanguage() {
		HttpResponse<String> english = this.browser.get("/login?lang=en", "Accept", HTML, "Accept-Language", "vi");

		assertThat(english.body()).contains("<html lang=\"en\">").contains("Username");
		assertThat(english.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("coophub-lang=en;")
				.contains("Path=/")
				.contains("Max-Age=31536000")
				.contains("SameSite=Lax")
				.doesNotContain("HttpOnly"));
		// remembered: the cookie wins over the browser's Vietnamese
		assertThat(this.browser.get("/login?error", "Accept", HTML, "Accept-Language", "vi").body())
			.contains("<html lang=\"en\">")
			.contains("<div class=\"message alert\" role=\"alert\">Wrong username or password.</div>")
			.doesNotContain("Tên đăng nhập hoặc mật khẩu không đúng");

		HttpResponse<String> vietnamese = this.browser.get("/login?lang=vi", "Accept", HTML);
		assertThat(vietnamese.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("coophub-lang=vi;"));
		assertThat(this.browser.get("/login", "Accept", HTML, "Accept-Language", "en").body())
			.contains("<html lang=\"vi\">");
	}

	@Test
	void theAuthorizationRequestsUiLocalesChooseTheLanguageOverTheCookie() {
		// the user last chose Vietnamese
		this.browser.get("/login?lang=vi", "Accept", HTML);

		HttpResponse<String> authorize = this.browser.get(authorizeUri("en vi"), "Accept", HTML);
		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(URI.create(Browser.location(authorize)).getPath()).isEqualTo("/login");

		assertThat(this.browser.get("/login", "Accept", HTML, "Accept-Language", "vi").body())
			.contains("<html lang=\"en\">")
			.contains("<button type=\"submit\">Sign in</button>");
		// after a failed attempt still the language of the request being signed in for
		assertThat(this.browser.get("/login?error", "Accept", HTML).body()).contains("Wrong username or password.");
		// the switch link still wins
		assertThat(this.browser.get("/login?lang=vi", "Accept", HTML).body()).contains("<html lang=\"vi\">");
	}

	@Test
	void whatTheBrowserSendsIsNeverWrittenIntoThePage() {
		HttpResponse<String> page = this.browser.get(
				"/login?lang=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&error=%3Cscript%3E", "Accept", HTML, "Cookie",
				"coophub-lang=%3Cb%3E", "Accept-Language", "<script>");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("<script").doesNotContain("alert(1)").doesNotContain("<b>");
		assertThat(page.body()).contains("<html lang=\"vi\">")
			.contains("<div class=\"message alert\" role=\"alert\">Tên đăng nhập hoặc mật khẩu không đúng.</div>");
		// an unknown language is no choice: nothing remembered
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("coophub-lang"));
	}

	@Test
	void thePagesInlineStyleIsNotForbiddenByAContentSecurityPolicy() {
		// identity-service sends none; one that forbade inline styles would need the
		// style
		// served as a file of its own
		HttpResponse<String> page = this.browser.get("/login", "Accept", HTML);
		assertThat(page.headers().allValues("Content-Security-Policy"))
			.allSatisfy((policy) -> assertThat(policy).contains("'unsafe-inline'"));
		assertThat(page.body()).contains("<style>");
	}

	/**
	 * A valid authorization request of the workspace (PKCE and all): an invalid one is
	 * refused before the login page.
	 */
	private static String authorizeUri(String uiLocales) {
		return UriComponentsBuilder.fromPath("/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", WORKSPACE)
			.queryParam("redirect_uri", WORKSPACE_REDIRECT_URI)
			.queryParam("scope", "openid profile")
			.queryParam("state", "s")
			.queryParam("code_challenge", challenge("a-verifier-long-enough-for-pkce-0123456789-abcdefghij"))
			.queryParam("code_challenge_method", "S256")
			.queryParam("ui_locales", uiLocales)
			.encode()
			.toUriString();
	}

	private static String challenge(String verifier) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
