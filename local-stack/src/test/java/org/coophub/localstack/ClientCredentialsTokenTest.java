package org.coophub.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ClientCredentialsTokenTest {

	private final AtomicInteger issued = new AtomicInteger();

	private final List<String> forms = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final MovableClock clock = new MovableClock(Instant.parse("2026-05-20T01:00:00Z"));

	private volatile int status = 200;

	private HttpServer server;

	@BeforeEach
	void startTokenEndpoint() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/oauth2/token", this::token);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void asksWithTheClientsCredentialsAndKeepsTheTokenUntilAMinuteIsLeft() {
		ClientCredentialsToken token = newToken();

		assertThat(token.accessToken()).isEqualTo("token-1");
		this.clock.advance(Duration.ofSeconds(900 - 61));
		assertThat(token.accessToken()).isEqualTo("token-1");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(token.accessToken()).isEqualTo("token-2");

		assertThat(this.forms).containsOnly("grant_type=client_credentials&scope=api");
		assertThat(this.authorizations).containsOnly("Basic "
				+ Base64.getEncoder().encodeToString("coophub-scripts:s3cret%2Fx".getBytes(StandardCharsets.UTF_8)));
		assertThat(token.tokenEndpoint()).hasPath("/oauth2/token");
	}

	@Test
	void keepsUsingAStillValidTokenWhileNoNewOneComes() {
		ClientCredentialsToken token = newToken();
		assertThat(token.accessToken()).isEqualTo("token-1");
		this.status = 503;
		this.clock.advance(Duration.ofSeconds(870));
		assertThat(token.accessToken()).as("30 s left, renewal refused").isEqualTo("token-1");
		this.clock.advance(Duration.ofSeconds(31));
		assertThatIllegalStateException().isThrownBy(token::accessToken).withMessageContaining("503");
		this.status = 200;
		assertThat(token.accessToken()).isEqualTo("token-2");
	}

	private ClientCredentialsToken newToken() {
		URI issuer = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
		return new ClientCredentialsToken(issuer, "coophub-scripts", "s3cret/x", "api", this.clock);
	}

	private void token(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.forms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
			byte[] body = ((this.status == 200)
					? "{\"access_token\":\"token-" + this.issued.incrementAndGet()
							+ "\",\"token_type\":\"Bearer\",\"expires_in\":900}"
					: "{\"error\":\"temporarily_unavailable\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
