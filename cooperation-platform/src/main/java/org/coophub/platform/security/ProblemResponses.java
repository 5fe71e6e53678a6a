package org.coophub.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * {@code WWW-Authenticate} challenge RFC 6750 asks for.
 */
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final JsonMapper json;

	public ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean invalid = ex instanceof InvalidBearerTokenException;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalid
				? "Bearer error=\"invalid_token\", error_description=\"The token is invalid or expired\"" : "Bearer");
		write(response, request, HttpStatus.UNAUTHORIZED, "Unauthorized",
				invalid ? "The bearer token is invalid or expired: sign in again"
						: "A bearer token is required: sign in through identity-service");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ex instanceof CsrfException) {
			// the dashboard's session without its CSRF token: nothing to do with the role
			write(response, request, HttpStatus.FORBIDDEN, "CSRF token missing or invalid",
					"This change needs the CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header");
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		write(response, request, HttpStatus.FORBIDDEN, "Forbidden",
				"Your role does not allow " + request.getMethod() + " here (docs/security.md)");
	}

	/**
	 * The firewall refuses a path with an encoded slash or a traversal before anything
	 * else runs; it gets a problem like every other bad input.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		write(response, request, HttpStatus.BAD_REQUEST, "Bad request",
				"The path is not allowed: it holds an encoded slash, a traversal or another character refused here");
	}

	private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String title,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
