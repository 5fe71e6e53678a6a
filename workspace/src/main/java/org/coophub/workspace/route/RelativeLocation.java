package org.coophub.workspace.route;

import java.net.URI;
import java.util.function.BiFunction;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A service that answers with its own absolute address in {@code Location} (201 Created,
 * a redirect) would send the browser past the workspace to a port it cannot reach signed
 * in; the same path relative to the workspace's origin is where the workspace routes it.
 * Relative locations, and ones naming another origin, pass unchanged.
 */
class RelativeLocation implements BiFunction<ServerRequest, ServerResponse, ServerResponse> {

	private final URI service;

	RelativeLocation(URI service) {
		this.service = service;
	}

	@Override
	public ServerResponse apply(ServerRequest request, ServerResponse response) {
		String location = response.headers().getFirst(HttpHeaders.LOCATION);
		if (location != null) {
			response.headers().set(HttpHeaders.LOCATION, relative(location));
		}
		return response;
	}

	String relative(String location) {
		URI uri;
		try {
			uri = URI.create(location);
		}
		catch (IllegalArgumentException ex) {
			return location;
		}
		if (!uri.isAbsolute() || !sameOrigin(uri)) {
			return location;
		}
		StringBuilder relative = new StringBuilder(
				(uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath());
		if (uri.getRawQuery() != null) {
			relative.append('?').append(uri.getRawQuery());
		}
		if (uri.getRawFragment() != null) {
			relative.append('#').append(uri.getRawFragment());
		}
		return relative.toString();
	}

	private boolean sameOrigin(URI uri) {
		return this.service.getScheme().equalsIgnoreCase(uri.getScheme())
				&& this.service.getHost().equalsIgnoreCase(uri.getHost()) && port(this.service) == port(uri);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

}
