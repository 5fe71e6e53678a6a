package org.coophub.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coophub.platform.web.ProblemMessages;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401 and 403 as {@code application/problem+json}, like every other error, with the
 * {@code WWW-Authenticate} challenge RFC 6750 asks for, in the user's language
 * ({@link ProblemMessages}).
 */
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final JsonMapper json;

	private final ProblemMessages messages = new ProblemMessages();

	public ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean invalid = ex instanceof InvalidBearerTokenException;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalid
				? "Bearer error=\"invalid_token\", error_description=\"The token is invalid or expired\"" : "Bearer");
		write(response, request, HttpStatus.UNAUTHORIZED, "unauthorized.title",
				invalid ? "unauthorized.invalid-token" : "unauthorized.no-token");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ex instanceof CsrfException) {
			// the dashboard's session without its CSRF token: nothing to do with the role
			write(response, request, HttpStatus.FORBIDDEN, "csrf.title", "csrf.detail");
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		write(response, request, HttpStatus.FORBIDDEN, "forbidden.title", "role.detail", request.getMethod());
	}

	/**
	 * The firewall refuses a path with an encoded slash or a traversal before anything
	 * else runs; it gets a problem like every other bad input.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		write(response, request, HttpStatus.BAD_REQUEST, "path.title", "path.detail");
	}

	/**
	 * Writes the problem, its title and detail looked up under {@code coophub.problem.} +
	 * the keys.
	 */
	private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String titleKey,
			String detailKey, Object... arguments) throws IOException {
		Locale language = ProblemMessages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", this.messages.text("coophub.problem." + titleKey, language));
		problem.put("status", status.value());
		problem.put("detail", this.messages.text("coophub.problem." + detailKey, language, arguments));
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
