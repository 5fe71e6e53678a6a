package org.coophub.platform.problem;

/**
 * Well-formed input that a business rule refuses: 422. The message tells the user what to
 * change; {@code field} names the input at fault, when there is one.
 */
public class RuleViolationException extends RuntimeException implements LocalizedMessage {

	private final String field;

	private final String messageKey;

	private final Object[] messageArguments;

	public RuleViolationException(String field, String message) {
		this(field, message, null);
	}

	/**
	 * A refused input whose message a Vietnamese user reads in Vietnamese.
	 * @param field the input at fault, or null
	 * @param message the message in English
	 * @param messageKey the key of the message in the bundles ({@link LocalizedMessage})
	 * @param messageArguments what the message names
	 */
	public RuleViolationException(String field, String message, String messageKey, Object... messageArguments) {
		super(message);
		this.field = field;
		this.messageKey = messageKey;
		this.messageArguments = (messageArguments != null) ? messageArguments.clone() : new Object[0];
	}

	public String field() {
		return this.field;
	}

	@Override
	public String messageKey() {
		return this.messageKey;
	}

	@Override
	public Object[] messageArguments() {
		return this.messageArguments.clone();
	}

}
