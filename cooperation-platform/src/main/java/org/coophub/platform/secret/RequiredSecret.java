package org.coophub.platform.secret;

import java.util.Base64;
import java.util.Locale;

/**
 * A secret the server needs from its environment: present, and not one of the
 * placeholders that documentation and example files show. Every placeholder the project
 * ships says "change me" in some spelling ({@code change-me}, {@code changeMe...},
 * {@code scripts-secret-change-me}), so that is what is refused, whatever the case and
 * punctuation.
 */
public final class RequiredSecret {

	private static final String PLACEHOLDER_MARK = "changeme";

	private RequiredSecret() {
	}

	/**
	 * Returns the value when it may be used.
	 * @param property the property's name, for the message
	 * @param value the configured value
	 * @return the value
	 * @throws RefusedConfigurationException when it is missing, blank or a placeholder
	 */
	public static String check(String property, String value) {
		if (value == null || value.isBlank()) {
			throw new RefusedConfigurationException(property, "is not set");
		}
		if (isPlaceholder(value)) {
			throw new RefusedConfigurationException(property, "is still a placeholder (\"change me\")");
		}
		return value;
	}

	/**
	 * Returns the key a secret holds in base64, when it may be used.
	 * @param property the property's name, for the message
	 * @param value the configured value
	 * @param length how many bytes the key must have
	 * @return the key's bytes
	 * @throws RefusedConfigurationException when it is missing, a placeholder, not base64
	 * or of another length
	 */
	public static byte[] checkKey(String property, String value, int length) {
		check(property, value);
		try {
			byte[] key = Base64.getDecoder().decode(value.trim());
			if (key.length == length) {
				return key;
			}
		}
		catch (IllegalArgumentException ex) {
			// refused below
		}
		throw new RefusedConfigurationException(property,
				"must be " + length + " random bytes in base64 (make one with: openssl rand -base64 " + length + ")");
	}

	/**
	 * Whether a value is, or contains, one of the placeholders the project ships.
	 * @param value the configured value
	 * @return whether it says "change me" in some spelling
	 */
	public static boolean isPlaceholder(String value) {
		String lettersAndDigits = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return lettersAndDigits.contains(PLACEHOLDER_MARK);
	}

}
