package org.coophub.platform.problem;

/**
 * An update named a version (If-Match) that is no longer current: 412. Or named none:
 * 428.
 */
public class StaleVersionException extends RuntimeException {

	private final boolean missing;

	private StaleVersionException(String message, boolean missing) {
		super(message);
		this.missing = missing;
	}

	public static StaleVersionException missing() {
		return new StaleVersionException("An If-Match header with the version read (its ETag) is required", true);
	}

	public static StaleVersionException stale(long current) {
		return new StaleVersionException("The resource has changed since it was read; it is now at version " + current,
				false);
	}

	public boolean isMissing() {
		return this.missing;
	}

}
