package org.coophub.platform.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.tags.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeclaredTagsTest {

	@Test
	void eachTagIsDeclaredOnceWithItsDescription() {
		OpenAPI api = new OpenAPI()
			.tags(List.of(new Tag().name("Activities"),
					new Tag().name("Activities").description("Hoạt động hợp tác: activities")))
			.paths(new Paths().addPathItem("/api/v1/activities",
					new PathItem().get(new Operation().tags(List.of("Activities", "activity-csv-controller")))));

		new DeclaredTags().customise(api);

		assertThat(api.getTags()).extracting(Tag::getName).containsExactly("Activities", "activity-csv-controller");
		assertThat(api.getTags().get(0).getDescription()).isEqualTo("Hoạt động hợp tác: activities");
	}

}
