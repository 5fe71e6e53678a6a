package org.coophub.localstack.demo;

/**
 * The demo data could not be loaded; the message shows the call and the service's answer
 * (a problem detail, usually).
 */
public class DemoDataException extends RuntimeException {

	public DemoDataException(String message) {
		super(message);
	}

	public DemoDataException(String message, Throwable cause) {
		super(message, cause);
	}

}
