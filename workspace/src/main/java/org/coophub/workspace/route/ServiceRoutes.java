package org.coophub.workspace.route;

import java.net.URI;

import jakarta.servlet.http.HttpSession;
import org.coophub.workspace.WorkspaceProperties;
import org.coophub.workspace.WorkspaceProperties.Services;
import org.coophub.workspace.signin.ApiProblems;
import org.coophub.workspace.signin.ApiProblems.Texts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

/**
 * Each service's API under the workspace's origin, at the same paths as the service
 * itself, with the signed-in user's access token added (token relay). Everything else of
 * the request and the answer passes unchanged: methods, bodies (JSON, multipart uploads,
 * spreadsheets and PDFs), {@code Accept-Language}, {@code If-Match}, {@code ETag},
 * {@code Location}; event streams are flushed as they arrive. The browser's cookies (the
 * workspace's session and CSRF token) stay here, and no service sets one through it.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

	@Bean
	RouterFunction<ServerResponse> apiRoutes(WorkspaceProperties properties) {
		Services services = properties.services();
		// the first route that matches answers: an agreement's reports are
		// reporting-service's, the rest of the agreements agreement-service's
		return api("reporting-service-reports", services.reporting(), "/api/v1/agreements/*/reports/**")
			.and(api("agreement-service", services.agreement(), "/api/v1/agreements/**", "/api/v1/organizations/**"))
			.and(api("activity-service", services.activity(), "/api/v1/activities/**", "/api/v1/activities:import",
					"/api/v1/activities:export", "/api/v1/imports/**"))
			.and(api("reporting-service", services.reporting(), "/api/v1/dashboard/**", "/api/v1/calendar/**",
					"/api/v1/follow-ups/**"))
			.and(api("notification-service", services.notification(), "/api/v1/notifications/**",
					"/api/v1/reminders/**"))
			.and(calendarFeeds(services.reporting()));
	}

	private static RouterFunction<ServerResponse> api(String id, URI service, String... paths) {
		// the filters wrap one another in the order given: failures first, so it sees the
		// token relay's too (onError handlers would wrap the proxying alone)
		return route(id).route(path(paths), http())
			.filter(ServiceRoutes::failuresAsProblems)
			.before(uri(service))
			.before(removeRequestHeader(HttpHeaders.COOKIE))
			.before(removeRequestHeader("X-XSRF-TOKEN"))
			.filter(tokenRelay())
			.after(removeResponseHeader(HttpHeaders.SET_COOKIE))
			.after(new RelativeLocation(service))
			.build();
	}

	/**
	 * The iCalendar feeds calendar programs subscribe to: their secret URL is the
	 * permission (reporting-service checks it), so no session and no token.
	 */
	private static RouterFunction<ServerResponse> calendarFeeds(URI reporting) {
		return route("calendar-feeds").route(path("/calendar/feeds/**"), http())
			.filter(ServiceRoutes::failuresAsProblems)
			.before(uri(reporting))
			.before(removeRequestHeader(HttpHeaders.AUTHORIZATION))
			.before(removeRequestHeader(HttpHeaders.COOKIE))
			.after(removeResponseHeader(HttpHeaders.SET_COOKIE))
			.after(new RelativeLocation(reporting))
			.build();
	}

	/**
	 * What goes wrong on the way as problem details the pages show, not a stack trace:
	 * the sign-in can no longer be renewed, or the service does not answer.
	 */
	private static ServerResponse failuresAsProblems(ServerRequest request, HandlerFunction<ServerResponse> next)
			throws Exception {
		try {
			return next.handle(request);
		}
		catch (OAuth2AuthorizationException ex) {
			return signInExpired(request);
		}
		catch (ResourceAccessException ex) {
			return problem(request, HttpStatus.BAD_GATEWAY, Texts.SERVICE_UNAVAILABLE);
		}
	}

	/**
	 * identity-service refused to renew the access token (the refresh token expired or
	 * the user was disabled): the session is of no use any more, so it ends and the page
	 * sends the user to sign in again.
	 */
	private static ServerResponse signInExpired(ServerRequest request) {
		HttpSession session = request.servletRequest().getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return problem(request, HttpStatus.UNAUTHORIZED, Texts.SIGN_IN_EXPIRED);
	}

	private static ServerResponse problem(ServerRequest request, HttpStatus status, Texts text) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ApiProblems.problem(request.servletRequest(), status, text));
	}

}
