package org.coophub.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A browser as far as the workspace can tell: keeps cookies, follows redirects only when
 * asked to, so each step of a sign-in can be checked.
 */
final class Browser {

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI base;

	Browser(int port) {
		this.base = URI.create("http://127.0.0.1:" + port);
	}

	URI resolve(String pathOrUri) {
		return this.base.resolve(pathOrUri);
	}

	HttpResponse<String> get(String pathOrUri, String... headers) {
		return send("GET", pathOrUri, HttpRequest.BodyPublishers.noBody(), headers);
	}

	HttpResponse<String> send(String method, String pathOrUri, BodyPublisher body, String... headers) {
		return send(method, pathOrUri, body, HttpResponse.BodyHandlers.ofString(), headers);
	}

	HttpResponse<byte[]> getBytes(String pathOrUri, String... headers) {
		return send("GET", pathOrUri, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofByteArray(),
				headers);
	}

	HttpResponse<InputStream> open(String pathOrUri, String... headers) {
		return send("GET", pathOrUri, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofInputStream(),
				headers);
	}

	<T> HttpResponse<T> send(String method, String pathOrUri, BodyPublisher body, BodyHandler<T> handler,
			String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathOrUri))
			.timeout(Duration.ofSeconds(30))
			.method(method, body);
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.client.send(request.build(), handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Opens a page and follows every redirect, as a browser does: each answer in turn.
	 */
	List<HttpResponse<String>> follow(String pathOrUri, String... headers) {
		List<HttpResponse<String>> steps = new ArrayList<>();
		URI next = resolve(pathOrUri);
		for (int hop = 0; hop < 10; hop++) {
			HttpResponse<String> response = get(next.toString(), headers);
			steps.add(response);
			String location = response.headers().firstValue("Location").orElse(null);
			if (response.statusCode() / 100 != 3 || location == null) {
				return steps;
			}
			next = next.resolve(location);
		}
		throw new AssertionError("more than 10 redirects from " + pathOrUri);
	}

	String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	void setCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(this.base, cookie);
	}

}
