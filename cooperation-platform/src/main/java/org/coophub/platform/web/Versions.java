package org.coophub.platform.web;

import org.coophub.platform.problem.StaleVersionException;

import org.springframework.http.ResponseEntity;

/**
 * Optimistic concurrency over HTTP: reads carry the aggregate's version as a strong ETag
 * ({@code "3"}); updates must send it back in If-Match.
 */
public final class Versions {

	private Versions() {
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	public static <T> ResponseEntity<T> ok(T body, long version) {
		return ResponseEntity.ok().eTag(etag(version)).body(body);
	}

	/**
	 * Checks an If-Match header against the current version.
	 * @param ifMatch the header, or null
	 * @param current the version stored now
	 * @throws StaleVersionException when missing (428) or stale (412)
	 */
	public static void requireMatch(String ifMatch, long current) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw StaleVersionException.missing();
		}
		String expected = etag(current);
		boolean matches = java.util.Arrays.stream(ifMatch.split(","))
			.map(String::strip)
			.map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch((tag) -> tag.equals("*") || tag.equals(expected));
		if (!matches) {
			throw StaleVersionException.stale(current);
		}
	}

}
