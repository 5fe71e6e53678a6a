package org.coophub.agreement.agreement;

import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(AgreementController.class)
@Import(ProblemDetailsAdvice.class)
class AgreementControllerTest {

	static final String VALID = """
			{"code":"CTHT-LD-HCM","title":{"vi":"Chương trình hợp tác","en":"Cooperation program"},
			 "parties":[{"organizationId":"ld","role":"LEAD"},{"organizationId":"hcm","role":"PARTNER"}],
			 "signedOn":"2009-10-15","startsOn":"2009-10-15","endsOn":"2029-12-31",
			 "areas":["INVESTMENT_PROMOTION"],
			 "reviewPolicy":{"month":11,"day":6,"hostRotation":["hcm","ld"],"lastHostOrganizationId":"hcm"}}
			""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AgreementService agreements;

	@Test
	void malformedJsonIsABadRequestAndNothingIsStored() {
		assertThat(post("{\"code\": ")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.agreements);
	}

	@Test
	void missingFieldsAreNamed() {
		assertThat(post("{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("code", "title", "parties", "signedOn", "startsOn", "areas", "reviewPolicy");
		verifyNoInteractions(this.agreements);
	}

	@Test
	void aValueOfTheWrongTypeIsNamed() {
		assertThat(post(VALID.replace("\"2009-10-15\",\"startsOn\"", "\"15/10/2009\",\"startsOn\"")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("signedOn");
		verifyNoInteractions(this.agreements);
	}

	@Test
	void anUnknownAreaIsABadRequest() {
		assertThat(post(VALID.replace("INVESTMENT_PROMOTION", "SPACE_TRAVEL"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("areas[0]");
	}

	@Test
	void aLeadDayOfZeroIsABadRequest() {
		assertThat(post(VALID.replace("\"lastHostOrganizationId\":\"hcm\"",
				"\"lastHostOrganizationId\":\"hcm\",\"reminderLeadDays\":[0]")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.startsWith("reviewPolicy.reminderLeadDays");
	}

	@Test
	void aBrokenRuleIsUnprocessableAndNamesTheField() {
		given(this.agreements.create(any(), any()))
			.willThrow(new RuleViolationException("parties", "Unknown organizations: hcm"));
		assertThat(post(VALID)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Unknown organizations: hcm");
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult post(String body) {
		return this.mvc.post()
			.uri("/api/v1/agreements")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void aListSortedByAFieldWithoutAnIndexOrTooLargeAPageIsRefusedBeforeAnythingIsRead() {
		assertThat(this.mvc.get().uri("/api/v1/agreements?sort=history.actor")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("sort");
		assertThat(this.mvc.get().uri("/api/v1/agreements?size=500")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("size");
		verifyNoInteractions(this.agreements);
	}

}
