package org.coophub.agreement.organization;

import org.coophub.events.agreement.Contact;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.problem.StaleVersionException;
import org.coophub.platform.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(OrganizationController.class)
@Import(ProblemDetailsAdvice.class)
class OrganizationControllerTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	OrganizationService organizations;

	@MockitoBean
	ContactVisibility visibility;

	@Test
	void anInvalidContactEmailIsABadRequestNamingTheContact() {
		assertThat(patch("""
				{"contacts":[{"name":"Văn phòng","email":"vanphong@bqlkcn-lamdong.example"},
				             {"name":"Phòng Đầu tư","email":"not-an-address"}]}
				""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("contacts[1].email");
		verifyNoInteractions(this.organizations);
	}

	@Test
	void aContactLanguageOtherThanViOrEnIsABadRequest() {
		assertThat(patch("{\"contacts\":[{\"name\":\"Văn phòng\",\"email\":\"vp@ld.example\",\"language\":\"fr\"}]}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("contacts[0].language");
	}

	@Test
	void aDuplicateEmailWithinTheOrganizationIsUnprocessable() {
		given(this.organizations.update(eq("o-1"), any(), any())).willThrow(new RuleViolationException(
				"contacts[1].email", "E-mail vp@ld.example is used by another contact of this organization"));
		assertThat(patch("{\"province\":\"Lâm Đồng\"}")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("contacts[1].email");
	}

	@Test
	void anUpdateWithoutIfMatchIsPreconditionRequiredAndNothingIsRead() {
		assertThat(this.mvc.patch()
			.uri("/api/v1/organizations/o-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"province\":\"Lâm Đồng\"}")
			.exchange()).hasStatus(HttpStatus.PRECONDITION_REQUIRED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.organizations);
	}

	@Test
	void aDeactivationWithoutIfMatchIsPreconditionRequiredAndNothingIsRead() {
		assertThat(this.mvc.post().uri("/api/v1/organizations/o-1/deactivate").exchange())
			.hasStatus(HttpStatus.PRECONDITION_REQUIRED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.organizations);
	}

	@Test
	void aDeactivationOfAStaleVersionIsPreconditionFailed() {
		given(this.organizations.deactivate("o-1", "\"1\"")).willThrow(StaleVersionException.stale(2));
		assertThat(this.mvc.post().uri("/api/v1/organizations/o-1/deactivate").header("If-Match", "\"1\"").exchange())
			.hasStatus(HttpStatus.PRECONDITION_FAILED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void deactivatingAMissingOrganizationIsNotFound() {
		given(this.organizations.deactivate("o-9", "\"1\"")).willThrow(new NotFoundException("Organization", "o-9"));
		assertThat(this.mvc.post().uri("/api/v1/organizations/o-9/deactivate").header("If-Match", "\"1\"").exchange())
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void malformedJsonIsABadRequestAndNothingIsRead() {
		assertThat(patch("{\"province\": ")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(register("{\"code\": ")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.organizations);
	}

	@Test
	void aRegistrationWithoutCodeNameOrKindIsABadRequestNamingThem() {
		assertThat(register("{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("code", "name", "kind");
		verifyNoInteractions(this.organizations);
	}

	@Test
	void anUnknownKindIsABadRequestNamingItAndListingTheKinds() {
		MvcTestResult registered = register(
				REGISTRATION.replace("\"kind\":\"INDUSTRIAL_ZONE_AUTHORITY\"", "\"kind\":\"KHU_CONG_NGHIEP\""));
		MvcTestResult patched = patch("{\"kind\":\"industrial_zone_authority\"}");
		for (MvcTestResult result : new MvcTestResult[] { registered, patched }) {
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("kind");
			assertThat(result).bodyJson()
				.extractingPath("$.errors[0].message")
				.asString()
				.contains("INDUSTRIAL_ZONE_AUTHORITY", "PROVINCIAL_AUTHORITY", "INVESTMENT_PROMOTION_AGENCY",
						"BUSINESS_ASSOCIATION", "OTHER");
		}
		verifyNoInteractions(this.organizations);
	}

	@Test
	void aKnownKindReachesTheServiceAsTheKind() {
		given(this.organizations.register(any())).willThrow(new ConflictException("stop here"));
		register(REGISTRATION.replace("\"kind\":\"INDUSTRIAL_ZONE_AUTHORITY\"", "\"kind\":\"PROVINCIAL_AUTHORITY\""));

		ArgumentCaptor<OrganizationInput> input = ArgumentCaptor.forClass(OrganizationInput.class);
		then(this.organizations).should().register(input.capture());
		assertThat(input.getValue().kind()).isEqualTo(OrganizationKind.PROVINCIAL_AUTHORITY);
	}

	@Test
	void aDigestThatIsNotABooleanIsABadRequestNamingIt() {
		assertThat(register(REGISTRATION.replace("\"digest\":true", "\"digest\":\"daily\"")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.contains("digest");
		verifyNoInteractions(this.organizations);
	}

	@Test
	void aRegisteredCodeIsAConflict() {
		given(this.organizations.register(any()))
			.willThrow(new ConflictException("An organization with code BQL-LD already exists"));
		assertThat(register(REGISTRATION)).hasStatus(HttpStatus.CONFLICT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void notifyAndDigestOfAContactReachTheServiceWithTheirDefaults() {
		given(this.organizations.register(any())).willThrow(new ConflictException("stop here"));
		register(REGISTRATION);

		ArgumentCaptor<OrganizationInput> input = ArgumentCaptor.forClass(OrganizationInput.class);
		then(this.organizations).should().register(input.capture());
		assertThat(input.getValue().contacts()).extracting(ContactInput::toContact)
			.extracting(Contact::receivesNotifications, Contact::dailyDigest)
			.containsExactly(tuple(true, true), tuple(true, false));
	}

	@Test
	void anUpdateOfAStaleVersionIsPreconditionFailed() {
		given(this.organizations.update(eq("o-1"), any(), eq("\"1\""))).willThrow(StaleVersionException.stale(2));
		assertThat(this.mvc.patch()
			.uri("/api/v1/organizations/o-1")
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"province\":\"Lâm Đồng\"}")
			.exchange()).hasStatus(HttpStatus.PRECONDITION_FAILED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void updatingAMissingOrganizationIsNotFound() {
		given(this.organizations.update(eq("o-1"), any(), any()))
			.willThrow(new NotFoundException("Organization", "o-1"));
		assertThat(patch("{\"province\":\"Lâm Đồng\"}")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void deactivatingTwiceIsAConflict() {
		given(this.organizations.deactivate("o-1", "\"2\""))
			.willThrow(new ConflictException("Organization BQL-LD is already deactivated"));
		assertThat(this.mvc.post().uri("/api/v1/organizations/o-1/deactivate").header("If-Match", "\"2\"").exchange())
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("already deactivated");
	}

	@Test
	void organizationsAreNotDeleted() {
		assertThat(this.mvc.delete().uri("/api/v1/organizations/o-1").exchange())
			.hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
		verifyNoInteractions(this.organizations);
	}

	static final String REGISTRATION = """
			{"code":"BQL-LD","name":{"vi":"Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng"},"kind":"INDUSTRIAL_ZONE_AUTHORITY",
			 "contacts":[{"name":"Investor relations","email":"investors@ld.example","language":"en","digest":true},
			             {"name":"Văn phòng","email":"vanphong@ld.example"}]}
			""";

	private MvcTestResult register(String body) {
		return this.mvc.post()
			.uri("/api/v1/organizations")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	/**
	 * A PATCH based on version 1.
	 */
	private MvcTestResult patch(String body) {
		return this.mvc.patch()
			.uri("/api/v1/organizations/o-1")
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
