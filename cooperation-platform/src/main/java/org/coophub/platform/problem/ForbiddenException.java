package org.coophub.platform.problem;

/**
 * The signed-in user's role or organization does not allow this change: 403.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
