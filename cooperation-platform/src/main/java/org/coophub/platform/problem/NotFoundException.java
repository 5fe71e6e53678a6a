package org.coophub.platform.problem;

/**
 * The resource asked for does not exist: 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String kind, Object id) {
		super(kind + " " + id + " does not exist");
	}

}
