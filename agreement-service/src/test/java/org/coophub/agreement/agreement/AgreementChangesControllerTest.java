package org.coophub.agreement.agreement;

import java.time.LocalDate;

import org.coophub.events.agreement.AgreementStatus;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The error paths of amendments, transitions, commitments and reads, each as
 * problem+json.
 */
@WebMvcTest(AgreementController.class)
@Import(ProblemDetailsAdvice.class)
class AgreementChangesControllerTest {

	static final String AMENDMENT = """
			{"endsOn":"2034-12-31","note":"Gia hạn theo biên bản sơ kết ngày 06/11/2012"}
			""";

	static final String COMMITMENT = """
			{"title":{"vi":"Giới thiệu vùng nguyên liệu"},"area":"RAW_MATERIAL_SOURCING","responsibleOrganizationId":"ld"}
			""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AgreementService agreements;

	@Test
	void anIllegalTransitionIsAConflictNamingTheCurrentStatusAndTheAllowedActions() {
		given(this.agreements.transition(eq("a-1"), eq(Transition.SUSPEND), any(), any(), any()))
			.willThrow(new IllegalTransitionException("CTHT", "suspend", AgreementStatus.SUSPENDED));

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/agreements/a-1/suspend")
			.header("If-Match", "\"3\"")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.currentStatus").isEqualTo("SUSPENDED");
		assertThat(result).bodyJson()
			.extractingPath("$.allowedActions")
			.asArray()
			.containsExactly("resume", "terminate");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("SUSPENDED");
	}

	@Test
	void eachLifecycleEndpointAsksForItsTransitionPassingIfMatch() {
		for (Transition transition : new Transition[] { Transition.ACTIVATE, Transition.SUSPEND, Transition.RESUME,
				Transition.TERMINATE }) {
			given(this.agreements.transition(any(), eq(transition), any(), any(), any()))
				.willThrow(new NotFoundException("Agreement", "a-9"));
			assertThat(this.mvc.post()
				.uri("/api/v1/agreements/a-9/" + transition.action())
				.header("If-Match", "\"4\"")
				.exchange()).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			then(this.agreements).should().transition("a-9", transition, TransitionInput.NONE, "\"4\"", "anonymous");
		}
	}

	@Test
	void withoutASignedInUserTheActorIsAnonymous() {
		given(this.agreements.transition(any(), any(), any(), any(), any()))
			.willThrow(new NotFoundException("Agreement", "x"));
		this.mvc.post().uri("/api/v1/agreements/a-1/terminate").header("If-Match", "\"3\"").exchange();
		then(this.agreements).should()
			.transition("a-1", Transition.TERMINATE, TransitionInput.NONE, "\"3\"", "anonymous");
	}

	@Test
	void renewingANonExpiredAgreementIsAConflict() {
		given(this.agreements.renew(eq("a-1"), any(), any(), any()))
			.willThrow(new IllegalTransitionException("CTHT", "renew", AgreementStatus.ACTIVE));
		assertThat(this.mvc.post()
			.uri("/api/v1/agreements/a-1/renew")
			.header("If-Match", "\"3\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"endsOn\":\"2034-12-31\"}")
			.exchange()).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.currentStatus")
			.isEqualTo("ACTIVE");
	}

	@Test
	void aRenewalWithoutABodyAsksForAPeriodAsLongAsTheLast() {
		given(this.agreements.renew(any(), any(), any(), any())).willThrow(new NotFoundException("Agreement", "a-1"));
		assertThat(this.mvc.post().uri("/api/v1/agreements/a-1/renew").header("If-Match", "\"3\"").exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		then(this.agreements).should().renew("a-1", new RenewInput(null, null), "\"3\"", "anonymous");
	}

	@Test
	void aRenewalEndingWithTheWrongDateFormatIsABadRequest() {
		assertThat(this.mvc.post()
			.uri("/api/v1/agreements/a-1/renew")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"endsOn\":\"31/12/2034\"}")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("endsOn");
		verifyNoInteractions(this.agreements);
	}

	@Test
	void anAmendmentWithoutANoteIsABadRequest() {
		assertThat(patch("/api/v1/agreements/a-1", "{\"endsOn\":\"2034-12-31\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("note");
		verifyNoInteractions(this.agreements);
	}

	@Test
	void anAmendmentWithOnePartyIsABadRequest() {
		assertThat(patch("/api/v1/agreements/a-1",
				"{\"parties\":[{\"organizationId\":\"ld\",\"role\":\"LEAD\"}],\"note\":\"x\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("parties");
	}

	@Test
	void anAmendmentOfAStaleVersionIsPreconditionFailed() {
		given(this.agreements.amend(eq("a-1"), any(), eq("\"2\""), any())).willThrow(StaleVersionException.stale(3));
		assertThat(this.mvc.patch()
			.uri("/api/v1/agreements/a-1")
			.header("If-Match", "\"2\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(AMENDMENT)
			.exchange()).hasStatus(HttpStatus.PRECONDITION_FAILED)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("version 3");
	}

	@Test
	void anAmendmentBreakingARuleIsUnprocessable() {
		given(this.agreements.amend(eq("a-1"), any(), any(), any()))
			.willThrow(new RuleViolationException("endsOn", "The agreement must end after it starts"));
		assertThat(patch("/api/v1/agreements/a-1", AMENDMENT)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("endsOn");
	}

	@Test
	void amendingAClosedAgreementIsAConflict() {
		given(this.agreements.amend(eq("a-1"), any(), any(), any()))
			.willThrow(new ConflictException("Agreement CTHT is TERMINATED; a closed agreement cannot be amended"));
		assertThat(patch("/api/v1/agreements/a-1", AMENDMENT)).hasStatus(HttpStatus.CONFLICT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void amendingAMissingAgreementIsNotFound() {
		given(this.agreements.amend(eq("nope"), any(), any(), any()))
			.willThrow(new NotFoundException("Agreement", "nope"));
		assertThat(patch("/api/v1/agreements/nope", AMENDMENT)).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aCommitmentWithoutTitleOrAreaIsABadRequest() {
		assertThat(this.mvc.post()
			.uri("/api/v1/agreements/a-1/commitments")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("title", "area");
		verifyNoInteractions(this.agreements);
	}

	@Test
	void anUnknownCommitmentStatusIsABadRequest() {
		assertThat(patch("/api/v1/agreements/a-1/commitments/c-1", "{\"status\":\"FORGOTTEN\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("status");
	}

	@Test
	void anUnknownCommitmentIsNotFound() {
		given(this.agreements.updateCommitment(eq("a-1"), eq("c-9"), any(), any(), any()))
			.willThrow(new NotFoundException("Commitment", "c-9"));
		assertThat(patch("/api/v1/agreements/a-1/commitments/c-9", "{\"status\":\"DONE\"}"))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("c-9");
	}

	@Test
	void aBadAsOfDateIsABadRequest() {
		assertThat(this.mvc.get().uri("/api/v1/agreements/a-1?asOf=06/11/2012").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.agreements);
	}

	@Test
	void anAgreementThatDidNotExistYetOnTheDayIsNotFound() {
		given(this.agreements.asOf("a-1", LocalDate.of(2001, 1, 1)))
			.willThrow(new NotFoundException("Agreement", "a-1 on 2001-01-01 (it did not exist yet)"));
		assertThat(this.mvc.get().uri("/api/v1/agreements/a-1?asOf=2001-01-01").exchange())
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theHistoryOfAMissingAgreementIsNotFound() {
		given(this.agreements.get("nope")).willThrow(new NotFoundException("Agreement", "nope"));
		assertThat(this.mvc.get().uri("/api/v1/agreements/nope/history").exchange()).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anUnknownStatusFilterIsABadRequest() {
		assertThat(this.mvc.get().uri("/api/v1/agreements?status=SLEEPING").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.agreements);
	}

	/**
	 * A PATCH based on version 1.
	 */
	private MvcTestResult patch(String uri, String body) {
		return this.mvc.patch()
			.uri(uri)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
