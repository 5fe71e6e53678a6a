package org.coophub.platform.security;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

import org.coophub.platform.problem.ForbiddenException;

/**
 * An EDITOR changes only what their own organization takes part in; ADMIN changes
 * anything. Work done without a signed-in user (an event being applied, a scheduled job)
 * is the system's own and is not checked here.
 */
public final class OrganizationScope {

	private OrganizationScope() {
	}

	/**
	 * Refuses the change unless the current user may make it.
	 * @param involved the ids of the organizations the change concerns
	 * @param idOfCode the service's own lookup of an organization id by its code
	 * @param what what is changed, for the answer
	 * @throws ForbiddenException when the user's organization is not involved
	 */
	public static void requireWriteFor(Collection<String> involved, Function<String, Optional<String>> idOfCode,
			String what) {
		Optional<Actor> current = Actors.current();
		if (current.isEmpty() || current.get().role() == Role.ADMIN) {
			return;
		}
		Actor actor = current.get();
		boolean own = actor.role() == Role.EDITOR && actor.organizationCode() != null
				&& idOfCode.apply(actor.organizationCode()).filter(involved::contains).isPresent();
		if (!own) {
			throw new ForbiddenException(
					"Your organization (" + actor.organizationCode() + ") does not take part in " + what
							+ ": an EDITOR changes only what their own organization takes part in",
					"coophub.problem.scope.not-own", String.valueOf(actor.organizationCode()));
		}
	}

	/**
	 * Refuses the change unless the current user is the secretariat (ADMIN).
	 * @param what the change, for the answer
	 * @throws ForbiddenException for any other role
	 */
	public static void requireAdmin(String what) {
		Optional<Actor> current = Actors.current();
		if (current.isPresent() && current.get().role() != Role.ADMIN) {
			throw new ForbiddenException(what + " is for the program secretariat (ADMIN)",
					"coophub.problem.scope.admin-only");
		}
	}

}
