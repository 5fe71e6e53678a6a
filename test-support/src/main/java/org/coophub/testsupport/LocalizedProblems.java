package org.coophub.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the services' tests of problems in the reader's language share: the header a
 * Vietnamese browser sends, reading a problem answer, and the check that every message of
 * a bundle has its Vietnamese (docs/api.md, "Language").
 */
public final class LocalizedProblems {

	/** The Accept-Language of a browser set to Vietnamese. */
	public static final String VIETNAMESE = "vi-VN,vi;q=0.9,en;q=0.8";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LocalizedProblems() {
	}

	/**
	 * An Accept-Language header, or none (as scripts send).
	 * @param acceptLanguage the header's value, or null
	 * @return what sets it on a request
	 */
	public static Consumer<HttpHeaders> language(String acceptLanguage) {
		return (headers) -> {
			if (acceptLanguage != null) {
				headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
			}
		};
	}

	/**
	 * The problem details of an answer, after checking its status and content type.
	 * @param response the answer
	 * @param status the status it must have
	 * @return the problem
	 */
	public static JsonNode problem(RestTestClient.ResponseSpec response, int status) {
		String body = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JSON.readTree(body);
	}

	/**
	 * A problem's field errors as (field, message), in order.
	 * @param problem the problem details
	 * @return the field errors
	 */
	public static List<Map.Entry<String, String>> fieldMessages(JsonNode problem) {
		return problem.get("errors")
			.valueStream()
			.map((error) -> Map.entry(error.get("field").asString(), error.get("message").asString()))
			.toList();
	}

	/**
	 * The message of the error naming a field.
	 * @param problem the problem details
	 * @param field the field
	 * @return its message
	 * @throws AssertionError when no error names the field
	 */
	public static String fieldMessage(JsonNode problem, String field) {
		for (JsonNode error : problem.path("errors")) {
			if (field.equals(error.path("field").asString())) {
				return error.path("message").asString();
			}
		}
		throw new AssertionError("No error names " + field + ": " + problem);
	}

	/**
	 * Checks that a bundle on the class path has a Vietnamese message for each of its
	 * English ones, and no other.
	 * @param baseName the bundle, e.g. {@code messages} for {@code messages.properties}
	 * and {@code messages_vi.properties}
	 */
	public static void assertEveryMessageHasItsVietnamese(String baseName) {
		Set<String> english = keys(baseName + ".properties");
		Set<String> vietnamese = keys(baseName + "_vi.properties");
		if (!english.equals(vietnamese)) {
			throw new AssertionError(baseName + ": without Vietnamese " + difference(english, vietnamese)
					+ ", without English " + difference(vietnamese, english));
		}
	}

	private static Set<String> keys(String resource) {
		Properties properties = new Properties();
		try (InputStream in = LocalizedProblems.class.getResourceAsStream("/" + resource)) {
			if (in == null) {
				throw new AssertionError(resource + " is not on the class path");
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties.stringPropertyNames();
	}

	private static Set<String> difference(Set<String> keys, Set<String> others) {
		Set<String> missing = new TreeSet<>(keys);
		missing.removeAll(others);
		return missing;
	}

}
