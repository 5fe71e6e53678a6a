package org.coophub.agreement.agreement;

import org.coophub.platform.problem.ConflictException;

/**
 * Another agreement with the same code or title is in effect during an overlapping
 * period: 409 naming the field and the other agreement.
 */
class PeriodConflictException extends ConflictException {

	private final String field;

	private final String conflictingAgreementId;

	PeriodConflictException(String field, String conflictingAgreementId, String message) {
		this(field, conflictingAgreementId, message, null);
	}

	PeriodConflictException(String field, String conflictingAgreementId, String message, String messageKey,
			Object... messageArguments) {
		super(message, messageKey, messageArguments);
		this.field = field;
		this.conflictingAgreementId = conflictingAgreementId;
	}

	String field() {
		return this.field;
	}

	String conflictingAgreementId() {
		return this.conflictingAgreementId;
	}

}
