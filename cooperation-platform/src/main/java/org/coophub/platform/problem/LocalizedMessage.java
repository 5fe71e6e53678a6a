package org.coophub.platform.problem;

/**
 * A problem whose message also exists in the user's language. The exception's own message
 * stays English, for the logs and for clients that ask for no language; the problem
 * details answer a Vietnamese user with the text found under {@link #messageKey()} (in
 * cooperation-platform's {@code coophub-problems} bundle or the service's own
 * {@code messages} bundle), formatted with {@link #messageArguments()}.
 */
public interface LocalizedMessage {

	/**
	 * Where the message is in the message bundles.
	 * @return the key, or null when the message exists in English only
	 */
	String messageKey();

	/**
	 * What the message names ({@code {0}}, {@code {1}}… in its text).
	 * @return the arguments, never null
	 */
	Object[] messageArguments();

}
