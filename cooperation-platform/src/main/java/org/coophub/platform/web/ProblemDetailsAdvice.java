package org.coophub.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
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
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 {@code application/problem+json}, naming the fields at fault
 * and never showing a stack trace. {@code title}, {@code detail} and each
 * {@code errors[].message} are in the user's language ({@link ProblemMessages}):
 * Vietnamese when {@code Accept-Language} prefers it, else English. Bean Validation's
 * messages are interpolated in the same language ({@link AcceptLanguageResolver}).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	static final String ERRORS = "errors";

	private final ProblemMessages messages = new ProblemMessages();

	public ProblemDetailsAdvice() {
		super.setMessageSource(this.messages.source());
	}

	/**
	 * Spring's own error responses (405, 415, a missing parameter…) take their texts from
	 * the platform's bundle, then from the service's message source.
	 */
	@Override
	public void setMessageSource(MessageSource messageSource) {
		this.messages.lookUpOthersIn(messageSource);
		super.setMessageSource(this.messages.source());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse response) {
			// in the language this advice answers in, not the server's own locale
			body = response.updateAndGetBody(getMessageSource(), language(request));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale language = language(request);
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(),
					error.isBindingFailure() ? wrongValue(requiredType(error), language) : error.getDefaultMessage()))
			.sorted(java.util.Comparator.comparing(FieldError::field))
			.toList();
		ProblemDetail problem = invalid(language,
				errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")));
		problem.setProperty(ERRORS, errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Locale language = language(request);
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		ProblemDetail problem = invalid(language, field);
		problem.setProperty(ERRORS, List.of(new FieldError(field, wrongValue(ex.getRequiredType(), language))));
		return ResponseEntity.badRequest().body(problem);
	}

	private ProblemDetail invalid(Locale language, String fields) {
		return problem(HttpStatus.BAD_REQUEST, text("invalid.title", language),
				text("invalid.detail", language, fields));
	}

	/**
	 * What a value that did not convert should have been, in the client's terms: never
	 * the converter's message, which names internal Java types.
	 */
	String wrongValue(Class<?> requiredType, Locale language) {
		if (requiredType == null) {
			return text("value.wrong", language);
		}
		if (requiredType.isEnum()) {
			return text("value.one-of", language,
					java.util.Arrays.stream(requiredType.getEnumConstants())
						.map(Object::toString)
						.collect(Collectors.joining(", ")));
		}
		if (requiredType == Boolean.class || requiredType == boolean.class) {
			return text("value.boolean", language);
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(requiredType)) {
			return text("value.temporal", language);
		}
		if (Number.class.isAssignableFrom(requiredType) || requiredType.isPrimitive()) {
			return text("value.number", language);
		}
		return text("value.wrong", language);
	}

	private static Class<?> requiredType(org.springframework.validation.FieldError error) {
		return error.contains(TypeMismatchException.class) ? error.unwrap(TypeMismatchException.class).getRequiredType()
				: null;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale language = language(request);
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("unreadable.title", language),
				text("unreadable.detail", language));
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
				problem.setDetail(text("unreadable.field", language, field));
				problem.setProperty(ERRORS, List.of(new FieldError(field, wrongValue(target, language))));
			}
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex, WebRequest request) {
		Locale language = language(request);
		return respond(
				problem(HttpStatus.NOT_FOUND, text("not-found.title", language), this.messages.message(ex, language)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException ex, WebRequest request) {
		Locale language = language(request);
		String message = this.messages.message(ex, language);
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, text("rule.title", language), message);
		if (ex.field() != null) {
			problem.setProperty(ERRORS, List.of(new FieldError(ex.field(), message)));
		}
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex, WebRequest request) {
		Locale language = language(request);
		return respond(
				problem(HttpStatus.FORBIDDEN, text("forbidden.title", language), this.messages.message(ex, language)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(ConflictException ex, WebRequest request) {
		Locale language = language(request);
		return respond(
				problem(HttpStatus.CONFLICT, text("conflict.title", language), this.messages.message(ex, language)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> staleVersion(StaleVersionException ex, WebRequest request) {
		Locale language = language(request);
		String detail = this.messages.message(ex, language);
		return respond(ex.isMissing()
				? problem(HttpStatus.PRECONDITION_REQUIRED, text("if-match-missing.title", language), detail)
				: problem(HttpStatus.PRECONDITION_FAILED, text("stale-version.title", language), detail));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex, WebRequest request) {
		Locale language = language(request);
		return respond(
				problem(HttpStatus.CONFLICT, text("conflict.title", language), text("duplicate.detail", language)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex, WebRequest request) {
		Locale language = language(request);
		return respond(problem(HttpStatus.CONFLICT, text("concurrent-change.title", language),
				text("concurrent-change.detail", language)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessResourceFailureException ex, WebRequest request) {
		log.warn("Database unavailable: {}", ex.getMessage());
		Locale language = language(request);
		return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, text("unavailable.title", language),
				text("unavailable.detail", language)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error", ex);
		Locale language = language(request);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, text("internal.title", language),
				text("internal.detail", language)));
	}

	private String text(String key, Locale language, Object... arguments) {
		return this.messages.text("coophub.problem." + key, language, arguments);
	}

	private static Locale language(WebRequest request) {
		return ProblemMessages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
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
