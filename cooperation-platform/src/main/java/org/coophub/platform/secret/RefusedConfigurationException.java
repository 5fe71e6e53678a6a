package org.coophub.platform.secret;

import java.util.Locale;

/**
 * The server will not start with this setting: a secret that is missing, a placeholder,
 * or one that does not fit what is stored. Reported in one line naming the property
 * ({@link RefusedConfigurationFailureAnalyzer}).
 */
public class RefusedConfigurationException extends RuntimeException {

	private final String property;

	private final String reason;

	/**
	 * @param property the property to set, e.g. {@code coophub.identity.scripts-secret}
	 * @param reason why its value is refused; never the value itself
	 */
	public RefusedConfigurationException(String property, String reason) {
		super(property + " " + reason);
		this.property = property;
		this.reason = reason;
	}

	public String property() {
		return this.property;
	}

	public String reason() {
		return this.reason;
	}

	/**
	 * The environment variable that sets the property, as docker-compose.yml spells it
	 * (Spring Boot also reads dashes as underscores).
	 */
	public String environmentVariable() {
		return this.property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

}
