package org.coophub.platform.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The actor of the current request, from its token (an API call) or its signed-in session
 * (the dashboard).
 */
public final class Actors {

	/** Claim with the user's roles. */
	public static final String ROLES = "roles";

	/** Claim with the user's organization code. */
	public static final String ORGANIZATION = "organization";

	private Actors() {
	}

	/** The actor of the current request, if it was made by a signed-in user or script. */
	public static Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof Jwt jwt) {
			return Optional
				.of(actor(jwt.getSubject(), jwt.getClaimAsString(ORGANIZATION), jwt.getClaimAsStringList(ROLES)));
		}
		if (authentication.getPrincipal() instanceof OidcUser user) {
			return Optional
				.of(actor(user.getSubject(), user.getClaimAsString(ORGANIZATION), user.getClaimAsStringList(ROLES)));
		}
		return Optional.empty();
	}

	private static Actor actor(String user, String organization, List<String> roles) {
		Role role = Role.VIEWER;
		for (Role candidate : Role.values()) {
			if (roles != null && roles.contains(candidate.name())) {
				role = candidate;
				break;
			}
		}
		return new Actor(user, organization, role);
	}

}
