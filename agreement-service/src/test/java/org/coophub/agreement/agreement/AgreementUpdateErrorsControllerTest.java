package org.coophub.agreement.agreement;

import java.util.stream.Stream;

import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.StaleVersionException;
import org.coophub.platform.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Every update of an agreement, the lifecycle endpoints included, answers the same way
 * when its precondition or its input is wrong: 428 without If-Match (before anything is
 * read), 412 when stale, 404 for an unknown agreement, 400 for malformed JSON, and 409
 * naming the field when another agreement holds the same code or title in an overlapping
 * period.
 */
@WebMvcTest(AgreementController.class)
@Import(ProblemDetailsAdvice.class)
class AgreementUpdateErrorsControllerTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AgreementService agreements;

	record Update(HttpMethod method, String path, String body) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	static Stream<Update> updates() {
		return Stream.of(
				new Update(HttpMethod.PATCH, "/api/v1/agreements/a-1",
						"{\"endsOn\":\"2034-12-31\",\"note\":\"Gia hạn theo biên bản sơ kết ngày 06/11/2012\"}"),
				new Update(HttpMethod.POST, "/api/v1/agreements/a-1/activate", null),
				new Update(HttpMethod.POST, "/api/v1/agreements/a-1/parties/org-hcm/accept",
						"{\"note\":\"Đồng ý tham gia\"}"),
				new Update(HttpMethod.POST, "/api/v1/agreements/a-1/parties/org-hcm/decline",
						"{\"note\":\"Chưa đủ điều kiện tham gia\"}"),
				new Update(HttpMethod.POST, "/api/v1/agreements/a-1/suspend", null),
				new Update(HttpMethod.POST, "/api/v1/agreements/a-1/resume", null),
				new Update(HttpMethod.POST, "/api/v1/agreements/a-1/terminate", null),
				new Update(HttpMethod.POST, "/api/v1/agreements/a-1/renew", "{\"endsOn\":\"2034-12-31\"}"),
				new Update(HttpMethod.POST, "/api/v1/agreements/a-1/commitments",
						"{\"title\":{\"vi\":\"Giới thiệu vùng nguyên liệu\"},\"area\":\"RAW_MATERIAL_SOURCING\"}"),
				new Update(HttpMethod.PATCH, "/api/v1/agreements/a-1/commitments/c-1", "{\"status\":\"DONE\"}"));
	}

	static Stream<Update> updatesWithABody() {
		return updates().filter((update) -> update.body() != null);
	}

	@ParameterizedTest
	@MethodSource("updates")
	void withoutIfMatchAnUpdateIsPreconditionRequiredAndNothingIsRead(Update update) {
		MvcTestResult result = send(update, null, update.body());

		assertThat(result).hasStatus(HttpStatus.PRECONDITION_REQUIRED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("If-Match");
		verifyNoInteractions(this.agreements);
	}

	@ParameterizedTest
	@MethodSource("updates")
	void aBlankIfMatchIsLikeNone(Update update) {
		assertThat(send(update, " ", update.body())).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
		verifyNoInteractions(this.agreements);
	}

	@ParameterizedTest
	@MethodSource("updates")
	void withAStaleIfMatchAnUpdateIsPreconditionFailed(Update update) {
		everyUpdateThrows(StaleVersionException.stale(4));

		assertThat(send(update, "\"3\"", update.body())).hasStatus(HttpStatus.PRECONDITION_FAILED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("version 4");
	}

	@ParameterizedTest
	@MethodSource("updates")
	void anUpdateOfAnUnknownAgreementIsNotFound(Update update) {
		everyUpdateThrows(new NotFoundException("Agreement", "a-1"));

		assertThat(send(update, "\"3\"", update.body())).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("a-1");
	}

	@ParameterizedTest
	@MethodSource("updatesWithABody")
	void malformedJsonIsABadRequestAndNothingIsRead(Update update) {
		assertThat(send(update, "\"3\"", "{\"endsOn\": ")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.agreements);
	}

	@Test
	void anAmendmentToATitleAnotherAgreementHoldsInAnOverlappingPeriodIsAConflictNamingTheField() {
		given(this.agreements.amend(eq("a-1"), any(), eq("\"3\""), any()))
			.willThrow(new PeriodConflictException("title.vi", "a-2",
					"Agreement CTHT-2 (a-2) already has this Vietnamese title for its period 2009-10-15 – 2029-12-31"));

		MvcTestResult result = send(new Update(HttpMethod.PATCH, "/api/v1/agreements/a-1", null), "\"3\"",
				"{\"title\":{\"vi\":\"Chương trình hợp tác\"},\"note\":\"Đổi tên\"}");

		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("title.vi");
		assertThat(result).bodyJson().extractingPath("$.conflictingAgreementId").isEqualTo("a-2");
	}

	@Test
	void aNewAgreementWithACodeInUseInAnOverlappingPeriodIsAConflictNamingTheCode() {
		given(this.agreements.create(any(), any())).willThrow(new PeriodConflictException("code", "a-2",
				"Agreement CTHT-LD-HCM (a-2) already has this code CTHT-LD-HCM for its period 2009-10-15 – 2029-12-31"));

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/agreements")
			.contentType(MediaType.APPLICATION_JSON)
			.content(AgreementControllerTest.VALID)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("2009-10-15");
	}

	private void everyUpdateThrows(RuntimeException ex) {
		given(this.agreements.amend(any(), any(), any(), any())).willThrow(ex);
		given(this.agreements.transition(any(), any(), any(), any(), any())).willThrow(ex);
		given(this.agreements.renew(any(), any(), any(), any())).willThrow(ex);
		given(this.agreements.addCommitment(any(), any(), any(), any())).willThrow(ex);
		given(this.agreements.updateCommitment(any(), any(), any(), any(), any())).willThrow(ex);
		given(this.agreements.answer(any(), any(), any(), any(), any(), any())).willThrow(ex);
	}

	private MvcTestResult send(Update update, String ifMatch, String body) {
		var request = this.mvc.method(update.method()).uri(update.path());
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return request.exchange();
	}

}
