package org.coophub.identity.user;

/**
 * What a user may do across the services; each user has exactly one.
 */
public enum Role {

	/** Runs the program: every organization's data, users and settings. */
	ADMIN,

	/** Records and changes the data of their own organization. */
	EDITOR,

	/** Reads only. */
	VIEWER

}
