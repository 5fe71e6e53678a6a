package org.coophub.platform.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.ForbiddenException;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.problem.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 {@code application/problem+json}, naming the fields at fault
 * and never showing a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	static final String ERRORS = "errors";

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(),
					error.isBindingFailure() ? wrongValue(requiredType(error)) : error.getDefaultMessage()))
			.sorted(java.util.Comparator.comparing(FieldError::field))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid fields: "
				+ errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")));
		problem.setProperty(ERRORS, errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String message = wrongValue(ex.getRequiredType());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid fields: " + field);
		problem.setProperty(ERRORS, List.of(new FieldError(field, message)));
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * What a value that did not convert should have been, in the client's terms: never
	 * the converter's message, which names internal Java types.
	 */
	static String wrongValue(Class<?> requiredType) {
		if (requiredType == null) {
			return "wrong type or format";
		}
		if (requiredType.isEnum()) {
			return "must be one of " + java.util.Arrays.stream(requiredType.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
		}
		if (requiredType == Boolean.class || requiredType == boolean.class) {
			return "must be true or false";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(requiredType)) {
			return "must be an ISO-8601 date or date-time, e.g. 2026-11-06";
		}
		if (Number.class.isAssignableFrom(requiredType) || requiredType.isPrimitive()) {
			return "must be a number";
		}
		return "wrong type or format";
	}

	private static Class<?> requiredType(org.springframework.validation.FieldError error) {
		return error.contains(TypeMismatchException.class) ? error.unwrap(TypeMismatchException.class).getRequiredType()
				: null;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
				"The body is not valid JSON for this request");
		if (ex.getCause() instanceof JacksonException jackson) {
			String field = jackson.getPath()
				.stream()
				.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			if (!field.isEmpty()) {
				// an enum's message lists its values, so a client sees what it may send
				Class<?> target = (jackson instanceof MismatchedInputException mismatched) ? mismatched.getTargetType()
						: null;
				problem.setDetail("Field '" + field + "' has a value of the wrong type or format");
				problem.setProperty(ERRORS, List.of(new FieldError(field, wrongValue(target))));
			}
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Rule violated", ex.getMessage());
		if (ex.field() != null) {
			problem.setProperty(ERRORS, List.of(new FieldError(ex.field(), ex.getMessage())));
		}
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		return respond(problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> staleVersion(StaleVersionException ex) {
		return respond(
				ex.isMissing() ? problem(HttpStatus.PRECONDITION_REQUIRED, "Precondition required", ex.getMessage())
						: problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Conflict", "A resource with the same unique value exists"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Concurrent change",
				"The resource was changed by someone else meanwhile; read it again and retry"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessResourceFailureException ex) {
		log.warn("Database unavailable: {}", ex.getMessage());
		return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"The database is not reachable; nothing was stored. Try again shortly."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"An unexpected error occurred; it has been logged"));
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
