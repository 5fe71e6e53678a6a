package org.coophub.platform.problem;

/**
 * The request conflicts with the resource's current state (a duplicate code, an illegal
 * transition): 409.
 */
public class ConflictException extends RuntimeException implements LocalizedMessage {

	private final String messageKey;

	private final Object[] messageArguments;

	public ConflictException(String message) {
		this(message, null);
	}

	/**
	 * A conflict whose message a Vietnamese user reads in Vietnamese.
	 * @param message the message in English
	 * @param messageKey the key of the message in the bundles ({@link LocalizedMessage})
	 * @param messageArguments what the message names
	 */
	public ConflictException(String message, String messageKey, Object... messageArguments) {
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
