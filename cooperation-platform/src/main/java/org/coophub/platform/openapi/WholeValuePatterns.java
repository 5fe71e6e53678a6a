package org.coophub.platform.openapi;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Anchors every pattern of the document: Bean Validation's {@code @Pattern} must match
 * the whole value, while JSON Schema's {@code pattern} (ECMA-262) matches anywhere in it,
 * so {@code vi|en} as springdoc copies it would let a client's validator pass
 * {@code "vietnam"} that the service refuses. {@code ^(?:vi|en)$} says what the service
 * checks.
 */
class WholeValuePatterns implements GlobalOpenApiCustomizer {

	@Override
	public void customise(OpenAPI api) {
		Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
			api.getComponents().getSchemas().values().forEach((schema) -> anchor(schema, seen));
		}
		if (api.getPaths() != null) {
			api.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
				List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters()
						: List.of();
				parameters.forEach((parameter) -> anchor(parameter.getSchema(), seen));
				if (operation.getRequestBody() != null) {
					anchor(operation.getRequestBody().getContent(), seen);
				}
			}));
		}
	}

	static String anchored(String pattern) {
		if (pattern.startsWith("^") && pattern.endsWith("$")) {
			return pattern;
		}
		return "^(?:" + pattern + ")$";
	}

	private static void anchor(Content content, Set<Schema<?>> seen) {
		if (content != null) {
			content.values().forEach((media) -> anchor(media.getSchema(), seen));
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void anchor(Schema schema, Set<Schema<?>> seen) {
		if (schema == null || !seen.add(schema)) {
			return;
		}
		if (schema.getPattern() != null) {
			schema.setPattern(anchored(schema.getPattern()));
		}
		if (schema.getProperties() != null) {
			((Map<String, Schema>) schema.getProperties()).values().forEach((child) -> anchor(child, seen));
		}
		anchor(schema.getItems(), seen);
		if (schema.getAdditionalProperties() instanceof Schema additional) {
			anchor(additional, seen);
		}
		for (List<Schema> composed : new List[] { schema.getAllOf(), schema.getAnyOf(), schema.getOneOf() }) {
			if (composed != null) {
				composed.forEach((child) -> anchor(child, seen));
			}
		}
	}

}
