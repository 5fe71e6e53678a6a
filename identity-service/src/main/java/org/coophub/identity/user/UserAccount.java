package org.coophub.identity.user;

import java.util.Locale;

import org.coophub.platform.security.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * Someone who signs in here.
 *
 * @param username the {@code _id}, always lower-case so sign-in ignores case
 * @param passwordHash the password as the delegating encoder stores it
 * ({@code {bcrypt}...})
 * @param displayName shown in the services and put in tokens as {@code name}
 * @param organizationCode the organization the user works for (e.g. {@code BQL-LD}), null
 * for the program secretariat
 * @param role what the user may do, stored by its name ({@code ADMIN}, {@code EDITOR},
 * {@code VIEWER}) as the token's {@code roles} claim carries it
 * @param enabled whether the user may sign in
 */
@Document("users")
public record UserAccount(@Id String username, String passwordHash, String displayName,
		// stored as an explicit null: documents keep one shape whatever the role
		@Field(write = Field.Write.ALWAYS) String organizationCode, Role role, boolean enabled) {

	public UserAccount {
		username = normalize(username);
	}

	static String normalize(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

	/** Leaves the hash out: records are easily logged. */
	@Override
	public String toString() {
		return "UserAccount[username=" + this.username + ", organizationCode=" + this.organizationCode + ", role="
				+ this.role + ", enabled=" + this.enabled + "]";
	}

}
