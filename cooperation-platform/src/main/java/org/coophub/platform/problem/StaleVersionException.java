package org.coophub.platform.problem;

/**
 * An update named a version (If-Match) that is no longer current: 412. Or named none:
 * 428.
 */
public class StaleVersionException extends RuntimeException implements LocalizedMessage {

	/**
	 * The 428's message key in cooperation-platform's {@code coophub-problems} bundle.
	 */
	public static final String MISSING_KEY = "coophub.problem.if-match-missing.detail";

	/**
	 * The 412's message key in cooperation-platform's {@code coophub-problems} bundle.
	 */
	public static final String STALE_KEY = "coophub.problem.stale-version.detail";

	private final boolean missing;

	private final Object[] messageArguments;

	private StaleVersionException(String message, boolean missing, Object... messageArguments) {
		super(message);
		this.missing = missing;
		this.messageArguments = messageArguments;
	}

	public static StaleVersionException missing() {
		return new StaleVersionException("An If-Match header with the version read (its ETag) is required", true);
	}

	public static StaleVersionException stale(long current) {
		// the version as text: a message format would print 1234 as "1.234" in Vietnamese
		return new StaleVersionException("The resource has changed since it was read; it is now at version " + current,
				false, String.valueOf(current));
	}

	public boolean isMissing() {
		return this.missing;
	}

	@Override
	public String messageKey() {
		return this.missing ? MISSING_KEY : STALE_KEY;
	}

	@Override
	public Object[] messageArguments() {
		return this.messageArguments.clone();
	}

}
