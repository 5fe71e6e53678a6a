package org.coophub.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real HTTP client against the running server that keeps cookies, as a browser does,
 * and does not follow redirects, so each step of a flow can be checked.
 */
final class Browser {

	private final URI base;

	private final HttpClient http;

	Browser(int port) {
		this.base = URI.create("http://localhost:" + port);
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	URI resolve(String pathOrUri) {
		return this.base.resolve(pathOrUri);
	}

	HttpResponse<String> get(String pathOrUri, String... headers) {
		return send(request(pathOrUri, headers).GET());
	}

	HttpResponse<String> postForm(String pathOrUri, Map<String, String> form, String... headers) {
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(pathOrUri, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	static String location(HttpResponse<?> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("No Location header, status " + response.statusCode()));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder request(String pathOrUri, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathOrUri)).timeout(Duration.ofSeconds(30));
		return (headers.length > 0) ? request.headers(headers) : request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
