package org.coophub.workspace.signin;

import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.security.Role;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, so the pages can say so and leave out what the role may not do.
 */
@RestController
class MeController {

	static final String NAME = "name";

	@GetMapping("/api/v1/me")
	Me me(@AuthenticationPrincipal OidcUser user) {
		Actor actor = Actors.current().orElseThrow();
		return new Me(actor.user(), user.getClaimAsString(NAME), actor.role(), actor.organizationCode(),
				actor.organizationCode());
	}

	/**
	 * The signed-in user, from the ID token identity-service issued at sign-in.
	 *
	 * @param username the user name (the token's subject)
	 * @param name the name to show
	 * @param role the role: what the services let them do
	 * @param organizationId the user's organization as the token names it: its code
	 * ({@code BQL-LD}); none for the secretariat
	 * @param organizationCode the same code, under the name the services' records use
	 */
	record Me(String username, String name, Role role, String organizationId, String organizationCode) {
	}

}
