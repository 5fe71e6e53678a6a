package org.coophub.platform.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.configuration.SpringDocConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

/**
 * The OpenAPI document every service serves at {@code /v3/api-docs}, told the same way
 * (docs/api.md, "Contract"): the service's title, description and build version from
 * {@code coophub.openapi.*}; identity-service's tokens as the security every operation
 * requires; the error answers of each operation ({@link StandardResponses}); every tag
 * declared ({@link DeclaredTags}); patterns that match the whole value, as the services
 * check them ({@link WholeValuePatterns}). Operations bring their own summary and
 * description ({@code @Operation}).
 */
@AutoConfiguration
@ConditionalOnClass({ OpenAPI.class, SpringDocConfiguration.class })
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiAutoConfiguration {

	/** The OAuth2 scheme: a token from identity-service's token endpoint. */
	static final String IDENTITY = "identity";

	/** The same token as sent: {@code Authorization: Bearer <JWT>}. */
	static final String BEARER = "bearer";

	/** What identity-service's scripts client asks for (README, "Run it"). */
	static final String API_SCOPE = "api";

	@Bean
	@ConditionalOnMissingBean
	OpenAPI serviceOpenApi(OpenApiProperties properties, ObjectProvider<BuildProperties> build) {
		return new OpenAPI().info(info(properties, build.getIfAvailable()))
			.servers(List.of(new Server().url(orDefault(properties.serverUrl(), "/"))
				.description("This service, where this document is served")))
			.components(new Components()
				.addSecuritySchemes(IDENTITY,
						new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
							.description("A token from identity-service: scripts sign in with client credentials "
									+ "(README, \"Run it\"), people through the workspace's sign-in. Roles and "
									+ "organization come from the token (docs/security.md).")
							.flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(properties.tokenUrl())
								.scopes(new Scopes().addString(API_SCOPE, "Call the Cooperation Hub APIs")))))
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("The access token identity-service issued, as a bearer token")))
			// either scheme is the same token; no scope is checked, roles are
			.security(List.of(new SecurityRequirement().addList(IDENTITY), new SecurityRequirement().addList(BEARER)));
	}

	@Bean
	StandardResponses standardProblemResponses() {
		return new StandardResponses();
	}

	@Bean
	DeclaredTags declaredTags() {
		return new DeclaredTags();
	}

	@Bean
	WholeValuePatterns wholeValuePatterns() {
		return new WholeValuePatterns();
	}

	static Info info(OpenApiProperties properties, BuildProperties build) {
		return new Info().title(orDefault(properties.title(), OpenApiProperties.UNNAMED))
			.description(properties.description())
			.version(version(properties.version(), build));
	}

	/**
	 * The build's version: filled into application.yml when the service is built; a value
	 * still holding its placeholder (a build that did not filter resources) falls back to
	 * the build information, else says it is unknown.
	 */
	static String version(String configured, BuildProperties build) {
		if (StringUtils.hasText(configured) && !configured.startsWith("@")) {
			return configured;
		}
		return (build != null && build.getVersion() != null) ? build.getVersion() : "unknown";
	}

	private static String orDefault(String value, String fallback) {
		return StringUtils.hasText(value) ? value : fallback;
	}

}
