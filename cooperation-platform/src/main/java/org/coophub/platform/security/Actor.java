package org.coophub.platform.security;

/**
 * Who made a request: the token's subject, their organization (by code; none for the
 * secretariat and for scripts) and role.
 *
 * @param user the token's subject: a user name, or a client id for a script
 * @param organizationCode the user's organization code, or null
 * @param role the role
 */
public record Actor(String user, String organizationCode, Role role) {

	/**
	 * How history entries and the events' {@code actor} extension name this actor:
	 * {@code ld-editor@BQL-LD}, or the user alone without an organization.
	 */
	public String name() {
		return (this.organizationCode != null) ? this.user + "@" + this.organizationCode : this.user;
	}

}
