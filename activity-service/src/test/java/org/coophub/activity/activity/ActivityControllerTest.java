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

	static final String EXCHANGE = """
			{"agreementId":"agr-1","type":"DOCUMENT_SHARING",
			 "title":{"vi":"Cung cấp tài liệu ISO 9001:2008"},
			 "startsAt":"2010-08-12T09:00:00","endsAt":"2010-08-12T11:00:00",
			 "hostOrganizationId":"org-hcm","participatingDepartments":["Văn phòng"],"status":"COMPLETED",
			 "outcomes":{"documents":[{"title":"Sổ tay chất lượng","kind":"REGULATION","link":"https://example.org/so-tay.pdf"}],
			   "participants":12,"minutesLink":"https://example.org/bien-ban.pdf","planItems":["Áp dụng ISO 9001"]}}
			""";

	@Test
	void aDocumentLinkMustBeAnHttpUrl() {
		assertBadField(EXCHANGE.replace("https://example.org/so-tay.pdf", "ftp://example.org/so-tay.pdf"),
				"outcomes.documents[0].link");
		assertBadField(EXCHANGE.replace("https://example.org/so-tay.pdf", "file:///C:/so-tay.pdf"),
				"outcomes.documents[0].link");
	}

	@Test
	void anUnknownDocumentKindIsNamed() {
		assertBadField(EXCHANGE.replace("REGULATION", "MEMO"), "outcomes.documents[0].kind");
	}

	@Test
	void aDocumentWithoutTitleIsNamed() {
		assertBadField(EXCHANGE.replace("\"title\":\"Sổ tay chất lượng\",", ""), "outcomes.documents[0].title");
	}

	@Test
	void aNegativeParticipantCountIsNamed() {
		assertBadField(EXCHANGE.replace("\"participants\":12", "\"participants\":-3"), "outcomes.participants");
	}

	@Test
	void theMinutesLinkMustBeAnHttpUrl() {
		assertBadField(EXCHANGE.replace("https://example.org/bien-ban.pdf", "bien-ban.pdf"), "outcomes.minutesLink");
	}

	@Test
	void aBlankPlanItemIsNamed() {
		assertBadField(EXCHANGE.replace("\"Áp dụng ISO 9001\"", "\"Áp dụng\",\" \""), "outcomes.planItems[1]");
	}

	@Test
	void aDepartmentWithTheCsvSeparatorIsNamed() {
		assertBadField(EXCHANGE.replace("\"Văn phòng\"", "\"Văn phòng; Thanh tra\""), "participatingDepartments[0]");
	}

	@Test
	void aCancellationNoteThatIsNotPlainTextIsNamed() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/activities/act-1/cancel")
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"Hoãn \\u202Evì mưa\"}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("note");
		verifyNoInteractions(this.activities);
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
