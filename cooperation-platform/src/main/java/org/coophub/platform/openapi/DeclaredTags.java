package org.coophub.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Every tag an operation carries is declared once at the top of the document: two
 * controllers of one feature ({@code @Tag(name = "Activities")} on both) would otherwise
 * declare it twice, and a tag without a declaration leaves readers without its
 * description.
 */
class DeclaredTags implements GlobalOpenApiCustomizer {

	@Override
	public void customise(OpenAPI api) {
		Map<String, Tag> declared = new LinkedHashMap<>();
		if (api.getTags() != null) {
			for (Tag tag : api.getTags()) {
				Tag known = declared.get(tag.getName());
				if (known == null || known.getDescription() == null) {
					declared.put(tag.getName(), tag);
				}
			}
		}
		if (api.getPaths() != null) {
			api.getPaths()
				.values()
				.forEach((item) -> item.readOperations()
					.stream()
					.filter((operation) -> operation.getTags() != null)
					.flatMap((operation) -> operation.getTags().stream())
					.forEach((name) -> declared.computeIfAbsent(name, (missing) -> new Tag().name(missing))));
		}
		api.setTags(declared.isEmpty() ? null : new ArrayList<>(declared.values()));
	}

}
