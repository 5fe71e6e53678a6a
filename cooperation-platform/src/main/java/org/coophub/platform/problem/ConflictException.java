package org.coophub.platform.problem;

/**
 * The request conflicts with the resource's current state (a duplicate code, an illegal
 * transition): 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
