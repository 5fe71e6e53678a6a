package org.coophub.identity;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;

import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * Failed sign-ins through the real login form, counted in MongoDB: a username is locked
 * after 5 failures (unknown or not), an address after 12, for a lock that grows; the
 * right password is refused while locked; a successful sign-in resets the username's
 * count. A database of its own and a clock the test moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.mongodb.database=identity-sign-in", "coophub.identity.sign-in.max-failures=5",
				"coophub.identity.sign-in.window=15m", "coophub.identity.sign-in.max-failures-per-address=12",
				"coophub.identity.sign-in.lockout=1m", "coophub.identity.sign-in.max-lockout=1h" })
@WithInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleTest {

	static final String PASSWORD = "demo-Passw0rd";

	static final String WRONG = "not-the-Passw0rd";

	@LocalServerPort
	int port;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MovableClock clock;

	Browser browser;

	@BeforeEach
	void setUp() {
		this.mongo.remove(new Query(), "signInFailures");
		this.browser = new Browser(this.port);
	}

	@Test
	void fiveWrongPasswordsLockTheUserAndEvenTheRightPasswordIsRefusedUntilTheLockEnds(CapturedOutput output) {
		for (int i = 1; i <= 4; i++) {
			// the username's case does not matter, as at sign-in
			assertThat(signIn((i % 2 == 0) ? "LD-Editor" : "ld-editor", WRONG)).isEqualTo("/login?error");
		}
		assertThat(signIn("ld-editor", WRONG)).isEqualTo("/login?locked");
		assertThat(signIn("ld-editor", PASSWORD)).isEqualTo("/login?locked");
		HttpResponse<String> page = this.browser.get("/login?locked", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
		// one language at a time: Vietnamese unless the browser or the user asks for
		// English
		assertThat(page.body()).contains("Đăng nhập sai quá nhiều lần").doesNotContain("Too many failed sign-ins");
		assertThat(this.browser.get("/login?locked", "Accept", "text/html", "Accept-Language", "en").body())
			.contains("Too many failed sign-ins")
			.doesNotContain("Đăng nhập sai quá nhiều lần");

		// another user from the same address is not locked
		assertThat(signIn("ld-viewer", PASSWORD)).isEqualTo("/");

		assertThat(output).contains("Sign-in locked for user:ld-editor until").doesNotContain(WRONG);

		this.clock.advance(Duration.ofSeconds(59));
		assertThat(signIn("ld-editor", PASSWORD)).isEqualTo("/login?locked");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(signIn("ld-editor", PASSWORD)).isEqualTo("/");
	}

	@Test
	void aLockRightAfterTheLastLastsTwiceAsLong() {
		for (int i = 1; i <= 5; i++) {
			signIn("hcm-editor", WRONG);
		}
		this.clock.advance(Duration.ofSeconds(61));
		for (int i = 1; i <= 4; i++) {
			assertThat(signIn("hcm-editor", WRONG)).isEqualTo("/login?error");
		}
		assertThat(signIn("hcm-editor", WRONG)).isEqualTo("/login?locked");

		this.clock.advance(Duration.ofSeconds(61));
		assertThat(signIn("hcm-editor", PASSWORD)).isEqualTo("/login?locked");
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(signIn("hcm-editor", PASSWORD)).isEqualTo("/");
	}

	@Test
	void anUnknownUsernameIsAnsweredExactlyLikeAKnownOne() {
		for (String username : new String[] { "ld-viewer", "nobody-here" }) {
			for (int i = 1; i <= 4; i++) {
				assertThat(signIn(username, WRONG)).as(username).isEqualTo("/login?error");
			}
			assertThat(signIn(username, WRONG)).as(username).isEqualTo("/login?locked");
			assertThat(signIn(username, PASSWORD)).as(username).isEqualTo("/login?locked");
		}
		HttpResponse<String> page = this.browser.get("/login?error", "Accept", "text/html");
		assertThat(page.statusCode()).as(page.headers().toString()).isEqualTo(200);
		assertThat(page.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng")
			.doesNotContain("Wrong username or password");
		assertThat(this.browser.get("/login?error&lang=en", "Accept", "text/html").body())
			.contains("Wrong username or password")
			.doesNotContain("Tên đăng nhập hoặc mật khẩu không đúng");
	}

	@Test
	void manyFailuresFromOneAddressLockItForEveryUsername(CapturedOutput output) {
		for (int i = 1; i <= 11; i++) {
			// fewer than five per username: only the address's count reaches its limit
			assertThat(signIn("guess-" + (i % 4), WRONG)).isEqualTo("/login?error");
		}
		assertThat(signIn("guess-x", WRONG)).isEqualTo("/login?locked");
		assertThat(signIn("ld-viewer", PASSWORD)).isEqualTo("/login?locked");
		assertThat(output).contains("Sign-in locked for address:");

		this.clock.advance(Duration.ofSeconds(61));
		assertThat(signIn("ld-viewer", PASSWORD)).isEqualTo("/");
	}

	@Test
	void aSuccessfulSignInResetsTheUsernamesCount() {
		for (int i = 1; i <= 4; i++) {
			assertThat(signIn("hcm-viewer", WRONG)).isEqualTo("/login?error");
		}
		assertThat(signIn("hcm-viewer", PASSWORD)).isEqualTo("/");
		for (int i = 1; i <= 4; i++) {
			assertThat(signIn("hcm-viewer", WRONG)).isEqualTo("/login?error");
		}
		assertThat(this.mongo.findById("user:hcm-viewer", Map.class, "signInFailures")).containsEntry("failures", 4);
	}

	@Test
	void failuresOlderThanTheWindowNoLongerCount() {
		for (int i = 1; i <= 4; i++) {
			signIn("ld-editor", WRONG);
		}
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(signIn("ld-editor", WRONG)).isEqualTo("/login?error");
		assertThat(signIn("ld-editor", PASSWORD)).isEqualTo("/");
	}

	/** Posts the login form as a browser does; where it sends the browser next. */
	private String signIn(String username, String password) {
		HttpResponse<String> login = this.browser.postForm("/login",
				Map.of("username", username, "password", password, "_csrf", csrfToken()));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
		return Browser.location(login).replaceFirst("^http://localhost:\\d+", "");
	}

	private String csrfToken() {
		HttpResponse<String> page = this.browser.get("/login", "Accept", AuthorizationCodeFlowTest.HTML);
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher csrf = AuthorizationCodeFlowTest.CSRF.matcher(page.body());
		assertThat(csrf.find()).as("a _csrf field in the login page").isTrue();
		return csrf.group(1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
		}

	}

	/** A clock the test moves forward by hand. */
	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant start) {
			this.now = start;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
