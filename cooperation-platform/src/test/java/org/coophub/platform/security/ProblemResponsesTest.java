package org.coophub.platform.security;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest {

	private final ProblemResponses problems = new ProblemResponses(JsonMapper.builder().build());

	@Test
	void aMissingOrWrongCsrfTokenIsNamedAsSuchNotAsTheRole() throws Exception {
		for (AccessDeniedException csrf : new AccessDeniedException[] { new MissingCsrfTokenException("abc"),
				new InvalidCsrfTokenException(new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "abc"), "def") }) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.problems.handle(new MockHttpServletRequest("POST", "/logout"), response, csrf);
			assertThat(response.getStatus()).isEqualTo(403);
			assertThat(response.getContentType()).startsWith("application/problem+json");
			assertThat(response.getContentAsString()).contains("\"title\":\"CSRF token missing or invalid\"")
				.doesNotContain("role");
		}
	}

	@Test
	void aRoleThatMayNotWriteIsStillNamed() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.problems.handle(new MockHttpServletRequest("POST", "/api/v1/x"), response,
				new AccessDeniedException("Access Denied"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("Your role does not allow POST");
	}

	@Test
	void aVietnameseUserReadsTheRefusalInVietnamese() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/x");
		request.addHeader("Accept-Language", "vi-VN,vi;q=0.9");
		MockHttpServletResponse forbidden = new MockHttpServletResponse();
		this.problems.handle(request, forbidden, new AccessDeniedException("Access Denied"));
		forbidden.setCharacterEncoding("UTF-8");
		assertThat(forbidden.getContentAsString()).contains("\"title\":\"Không có quyền\"")
			.contains("Vai trò của bạn không được phép thực hiện thao tác này (POST)");

		MockHttpServletResponse unauthorized = new MockHttpServletResponse();
		this.problems.commence(request, unauthorized, new InsufficientAuthenticationException("no token"));
		unauthorized.setCharacterEncoding("UTF-8");
		assertThat(unauthorized.getStatus()).isEqualTo(401);
		assertThat(unauthorized.getContentAsString()).contains("\"title\":\"Chưa đăng nhập\"");
	}

}
