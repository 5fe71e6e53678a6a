package org.coophub.activity.activity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.coophub.platform.zone.ProgramZone;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The local stack's demo activities read as this service's input, pass its validation and
 * keep to the outcomes of their type, so the demo loads through the real API.
 */
class DemoActivitiesTest {

	static final Path DEMO = Path.of("../local-stack/src/main/resources/demo/lam-dong-hcmc.json");

	@Test
	void everyDemoActivityIsValidAndRecordsTheOutcomesOfItsType() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		String text = Files.readString(DEMO).replaceAll("\\$\\{[^}]+}", "demo-id");
		List<ActivityInput> inputs = new ArrayList<>();
		for (JsonNode activity : json.readTree(text).get("activities")) {
			inputs.add(json.treeToValue(activity, ActivityInput.class));
		}

		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			for (ActivityInput input : inputs) {
				assertThat(validator.validate(input)).as(input.title().vi()).isEmpty();
				ActivityDetails details = input.toDetails(new ProgramZone(ZoneId.of("Asia/Ho_Chi_Minh")));
				assertThatCode(() -> OutcomeFields.check(details.type(), details.outcomes())).as(input.title().vi())
					.doesNotThrowAnyException();
			}
		}
		assertThat(inputs).extracting((input) -> input.startsAt().getYear()).contains(2009, 2010, 2011, 2012);
		assertThat(inputs).filteredOn((input) -> input.outcomes() != null).hasSizeGreaterThan(15);
	}

}
