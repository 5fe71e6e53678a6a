package org.coophub.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WholeValuePatternsTest {

	@Test
	void aPatternMatchesTheWholeValueAsBeanValidationChecksIt() {
		StringSchema language = new StringSchema();
		language.setPattern("vi|en");
		StringSchema item = new StringSchema();
		item.setPattern("[^;\\r\\n]*");
		StringSchema anchored = new StringSchema();
		anchored.setPattern("^[A-Z]+$");
		OpenAPI api = new OpenAPI().components(new Components().addSchemas("Contact",
				new ObjectSchema().addProperty("language", language)
					.addProperty("planItems", new ArraySchema().items(item))
					.addProperty("code", anchored)));

		new WholeValuePatterns().customise(api);

		assertThat(language.getPattern()).isEqualTo("^(?:vi|en)$");
		assertThat(item.getPattern()).isEqualTo("^(?:[^;\\r\\n]*)$");
		assertThat(anchored.getPattern()).isEqualTo("^[A-Z]+$");
		assertThat("vietnam").doesNotMatch(language.getPattern());
		assertThat("en").matches(language.getPattern());
	}

}
