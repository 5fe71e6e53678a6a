package org.coophub.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says about the service ({@code coophub.openapi.*}):
 * each service names itself in its application.yml, in Vietnamese and English.
 *
 * @param title the document's title, e.g. "Cooperation Hub agreement-service"
 * @param description what the service does, in Vietnamese and English (Markdown)
 * @param version the build's version ({@code @project.version@}, filled in when the
 * service is built); when absent or left unfilled, the build information's version
 * @param serverUrl where the operations are served; {@code /} (the default) is wherever
 * the document itself is served, which stays true behind any proxy
 * @param tokenUrl identity-service's token endpoint, where clients get the bearer token
 * every operation requires
 */
@ConfigurationProperties("coophub.openapi")
public record OpenApiProperties(String title, String description, String version, String serverUrl, String tokenUrl) {

	/**
	 * The title springdoc gives a document nobody named, which tells a reader nothing.
	 */
	static final String UNNAMED = "OpenAPI definition";

}
