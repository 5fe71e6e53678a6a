package org.coophub.platform.problem;

/**
 * The signed-in user's role or organization does not allow this change: 403.
 */
public class ForbiddenException extends RuntimeException implements LocalizedMessage {

	private final String messageKey;

	private final Object[] messageArguments;

	public ForbiddenException(String message) {
		this(message, null);
	}

	/**
	 * A refusal whose message a Vietnamese user reads in Vietnamese.
	 * @param message the message in English
	 * @param messageKey the key of the message in the bundles ({@link LocalizedMessage})
	 * @param messageArguments what the message names
	 */
	public ForbiddenException(String message, String messageKey, Object... messageArguments) {
		super(message);
		this.messageKey = messageKey;
		this.messageArguments = (messageArguments != null) ? messageArguments.clone() : new Object[0];
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
