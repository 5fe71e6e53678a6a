package org.coophub.agreement.organization;

import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.problem.StaleVersionException;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(OrganizationController.class)
@Import(ProblemDetailsAdvice.class)
class OrganizationControllerTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	OrganizationService organizations;

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
	void anUpdateWithoutIfMatchIsPreconditionRequired() {
		given(this.organizations.update(eq("o-1"), any(), isNull())).willThrow(StaleVersionException.missing());
		assertThat(patch("{\"province\":\"Lâm Đồng\"}")).hasStatus(HttpStatus.PRECONDITION_REQUIRED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
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

	private MvcTestResult patch(String body) {
		return this.mvc.patch()
			.uri("/api/v1/organizations/o-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
