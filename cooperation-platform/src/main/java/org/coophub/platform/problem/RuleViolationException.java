package org.coophub.platform.problem;

/**
 * Well-formed input that a business rule refuses: 422. The message tells the user what to
 * change; {@code field} names the input at fault, when there is one.
 */
public class RuleViolationException extends RuntimeException {

	private final String field;

	public RuleViolationException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
