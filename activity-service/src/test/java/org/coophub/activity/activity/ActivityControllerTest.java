package org.coophub.activity.activity;

import org.coophub.platform.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(ActivityController.class)
@Import(ProblemDetailsAdvice.class)
class ActivityControllerTest {

	static final String VALID = """
			{"agreementId":"agr-1","type":"INVESTMENT_PROMOTION_CONFERENCE",
			 "title":{"vi":"Hội nghị xúc tiến đầu tư"},
			 "startsAt":"2012-05-18T08:00:00","endsAt":"2012-05-18T17:00:00",
			 "hostOrganizationId":"org-hcm","status":"COMPLETED",
			 "outcomes":{"investorsAttending":120,"registeredCapital":{"amount":350000000000,"currency":"VND"}}}
			""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ActivityService activities;

	@Test
	void aNegativeCountIsNamed() {
		assertBadField(VALID.replace("\"investorsAttending\":120", "\"investorsAttending\":-1"),
				"outcomes.investorsAttending");
	}

	@Test
	void capitalWithoutCurrencyIsNamed() {
		assertBadField(VALID.replace(",\"currency\":\"VND\"", ""), "outcomes.registeredCapital.currency");
	}

	@Test
	void anUnknownCurrencyIsNamed() {
		assertBadField(VALID.replace("\"VND\"", "\"EUR\""), "outcomes.registeredCapital.currency");
	}

	@Test
	void anEndBeforeTheStartIsNamed() {
		assertBadField(VALID.replace("\"endsAt\":\"2012-05-18T17:00:00\"", "\"endsAt\":\"2012-05-17T17:00:00\""),
				"endsAt");
	}

	@Test
	void anUnknownTypeIsNamed() {
		assertBadField(VALID.replace("INVESTMENT_PROMOTION_CONFERENCE", "PICNIC"), "type");
	}

	@Test
	void aMissingTitleIsNamed() {
		assertBadField(VALID.replace("\"title\":{\"vi\":\"Hội nghị xúc tiến đầu tư\"},", ""), "title");
	}

	private void assertBadField(String body, String field) {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/activities")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains(field);
		verifyNoInteractions(this.activities);
	}

}
