package org.coophub.platform.security;

/**
 * What a signed-in user may do, from the token's {@code roles} claim (docs/security.md).
 */
public enum Role {

	/** The program secretariat: reads and writes everything. */
	ADMIN,

	/** Records and changes what concerns their own organization. */
	EDITOR,

	/** Reads. */
	VIEWER;

	/** The authority Spring Security checks: {@code ROLE_EDITOR}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
