package org.coophub.workspace.signin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401 and 403 of the workspace itself as {@code application/problem+json}, like every
 * error the services answer, in Vietnamese or English by {@code Accept-Language}. A
 * page's script reads them; a redirect to the sign-in page would be of no use to it.
 */
public class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	public ApiProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		write(request, response, problem(request, HttpStatus.UNAUTHORIZED, Texts.NOT_SIGNED_IN));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, problem(request, HttpStatus.FORBIDDEN,
				(ex instanceof CsrfException) ? Texts.NO_CSRF : Texts.FORBIDDEN));
	}

	/**
	 * The problem for a status, in the request's language.
	 * @param request the request
	 * @param status the status
	 * @param text the title and detail in both languages
	 * @return the problem's members
	 */
	public static Map<String, Object> problem(HttpServletRequest request, HttpStatus status, Texts text) {
		boolean vietnamese = "vi".equals(request.getLocale().getLanguage().toLowerCase(Locale.ROOT));
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", vietnamese ? text.titleVi : text.titleEn);
		problem.put("status", status.value());
		problem.put("detail", vietnamese ? text.detailVi : text.detailEn);
		problem.put("instance", request.getRequestURI());
		return problem;
	}

	private void write(HttpServletRequest request, HttpServletResponse response, Map<String, Object> problem)
			throws IOException {
		response.setStatus((int) problem.get("status"));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/** What the workspace's own problems say, in both languages. */
	public enum Texts {

		NOT_SIGNED_IN("Chưa đăng nhập", "Bạn chưa đăng nhập hoặc phiên làm việc đã hết: hãy đăng nhập lại.",
				"Not signed in", "You are not signed in, or your session has ended: sign in again."),

		SIGN_IN_EXPIRED("Phiên đăng nhập đã hết", "Không gia hạn được phiên đăng nhập: hãy đăng nhập lại.",
				"Sign-in expired", "Your sign-in could not be renewed: sign in again."),

		NO_CSRF("Thiếu mã CSRF", "Thay đổi này cần mã CSRF: gửi giá trị cookie XSRF-TOKEN trong header X-XSRF-TOKEN.",
				"CSRF token missing or invalid",
				"This change needs the CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."),

		FORBIDDEN("Không được phép", "Bạn không có quyền làm việc này.", "Forbidden",
				"You are not allowed to do this."),

		SERVICE_UNAVAILABLE("Dịch vụ tạm thời không trả lời",
				"Dịch vụ xử lý yêu cầu này chưa sẵn sàng: hãy thử lại sau.", "Service unavailable",
				"The service behind this request does not answer: try again later.");

		final String titleVi;

		final String detailVi;

		final String titleEn;

		final String detailEn;

		Texts(String titleVi, String detailVi, String titleEn, String detailEn) {
			this.titleVi = titleVi;
			this.detailVi = detailVi;
			this.titleEn = titleEn;
			this.detailEn = detailEn;
		}

	}

}
