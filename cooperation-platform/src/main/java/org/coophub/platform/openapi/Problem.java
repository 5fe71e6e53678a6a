package org.coophub.platform.openapi;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error answer, as the OpenAPI documents describe it (the
 * {@code Problem} schema): RFC 9457 problem details as {@code ProblemDetailsAdvice} and
 * the security layer write them. Only documentation: the services answer Spring's
 * {@code ProblemDetail}.
 *
 * @param type the problem type; {@code about:blank}, the status says it all
 * @param title the status in words
 * @param status the HTTP status
 * @param detail what went wrong, for a person
 * @param instance the request's path, where given
 * @param errors the inputs at fault
 */
@Schema(name = "Problem",
		description = "RFC 9457 problem details (application/problem+json). Some problems add members of their own, "
				+ "named in the operation's description (currentStatus and allowedActions of an illegal status "
				+ "transition, conflictingAgreementId, errorCount of a CSV import).")
record Problem(@Schema(format = "uri-reference", example = "about:blank") URI type,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Invalid request") String title,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "400", maximum = "599",
				example = "400") int status,
		@Schema(example = "Invalid fields: title.vi") String detail,
		@Schema(format = "uri-reference", example = "/api/v1/agreements") URI instance,
		@Schema(description = "The inputs at fault, where an input is at fault") List<InputError> errors) {

	/**
	 * One input at fault: a field of the body or a parameter by name, or a cell of an
	 * uploaded file by row and column.
	 *
	 * @param field the field or parameter, as a path ({@code contacts[1].email})
	 * @param row the row of an uploaded file (1 is the first row after the header)
	 * @param column the column of an uploaded file, as its header is written
	 * @param message what is wrong with it
	 */
	@Schema(name = "InputError", description = "An input at fault: a field or parameter, or a cell of an upload")
	record InputError(@Schema(example = "title.vi") String field, @Schema(minimum = "1", example = "3") Integer row,
			@Schema(example = "startsAt") String column,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "must not be blank") String message) {

	}

}
