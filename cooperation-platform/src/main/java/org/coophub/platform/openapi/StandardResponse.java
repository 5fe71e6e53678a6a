package org.coophub.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error answers every service gives the same way (docs/api.md, "Errors"), each a
 * reusable response of the OpenAPI documents with the {@code Problem} schema and an
 * example as the services write it.
 */
enum StandardResponse {

	BAD_REQUEST(400, "BadRequest", "Invalid request",
			"Malformed input: unreadable JSON, a value of the wrong type or format, an unknown enum value, a missing "
					+ "or out-of-range field, a query parameter that is not a plain name and value; `errors` names "
					+ "each input at fault. Nothing is stored or published.",
			"Invalid fields: title.vi", "title.vi", "must not be blank"),

	UNAUTHORIZED(401, "Unauthorized", "Unauthorized",
			"No bearer token, or one identity-service did not issue for this API (expired, tampered, another "
					+ "audience, an ID token).",
			"A bearer token is required: sign in through identity-service", null, null),

	FORBIDDEN(403, "Forbidden", "Forbidden",
			"The token's role or organization may not do this (docs/security.md: reading needs any role, writing "
					+ "EDITOR or ADMIN, an EDITOR writes for their own organization).",
			"Your role does not allow POST here (docs/security.md)", null, null),

	NOT_FOUND(404, "NotFound", "Not found", "Nothing exists with this id.",
			"Agreement 6650c1f2a4e3b21d9c0e7a15 not found", null, null),

	CONFLICT(409, "Conflict", "Conflict",
			"The change does not fit the resource's current state: an illegal status transition (the problem "
					+ "names `currentStatus` and `allowedActions`), a duplicate, or another change that won a race "
					+ "on the same version. Nothing is stored or published.",
			"Agreement CTHT-LĐ-HCM/2009 is DRAFT and cannot suspend; allowed from DRAFT: activate", null, null),

	PRECONDITION_FAILED(412, "PreconditionFailed", "Precondition failed",
			"`If-Match` names a version that is no longer the current one: read it again, then decide again.",
			"The resource has changed since it was read; it is now at version 4", null, null),

	CONTENT_TOO_LARGE(413, "ContentTooLarge", "Request too large",
			"The body is larger than the service accepts (1 MB of JSON, 10 MB for a CSV upload).",
			"The body is larger than 1024 KB, the most accepted for application/json", null, null),

	UNPROCESSABLE_CONTENT(422, "UnprocessableContent", "Rule violated",
			"Well-formed input that a rule refuses (e.g. a party that is not an organization, dates outside the "
					+ "agreement's period); `errors` names the input. Nothing is stored or published.",
			"effectiveOn must not be before signedOn (2009-03-18)", "effectiveOn",
			"must not be before signedOn (2009-03-18)"),

	PRECONDITION_REQUIRED(428, "PreconditionRequired", "Precondition required",
			"An update without `If-Match`: every update says which version (the ETag last read) it changes.",
			"An If-Match header with the version read (its ETag) is required", null, null),

	SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "Service unavailable",
			"The service's database is unreachable (answered within about 3 s); nothing was stored. Try again "
					+ "shortly.",
			"The database is not reachable; nothing was stored. Try again shortly.", null, null);

	private final int status;

	private final String component;

	private final String title;

	private final String description;

	private final String detail;

	private final String field;

	private final String message;

	StandardResponse(int status, String component, String title, String description, String detail, String field,
			String message) {
		this.status = status;
		this.component = component;
		this.title = title;
		this.description = description;
		this.detail = detail;
		this.field = field;
		this.message = message;
	}

	int status() {
		return this.status;
	}

	String code() {
		return String.valueOf(this.status);
	}

	/** The name of the reusable response in {@code components.responses}. */
	String component() {
		return this.component;
	}

	/** The status in words, as the problem's title says it. */
	String title() {
		return this.title;
	}

	String description() {
		return this.description;
	}

	/** The answer as a service writes it. */
	Map<String, Object> example() {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", this.title);
		problem.put("status", this.status);
		problem.put("detail", this.detail);
		if (this.field != null) {
			problem.put("errors", List.of(Map.of("field", this.field, "message", this.message)));
		}
		return problem;
	}

	static StandardResponse of(String code) {
		for (StandardResponse response : values()) {
			if (response.code().equals(code)) {
				return response;
			}
		}
		return null;
	}

}
