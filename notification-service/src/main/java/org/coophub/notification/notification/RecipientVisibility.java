package org.coophub.notification.notification;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.coophub.notification.directory.Directory;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.security.Role;

import org.springframework.stereotype.Component;

/**
 * Recipients' e-mail addresses are shown to the parties of the notification's agreement
 * only, and only once they accepted it (docs/security.md); the secretariat sees all.
 */
@Component
class RecipientVisibility {

	private final Directory directory;

	RecipientVisibility(Directory directory) {
		this.directory = directory;
	}

	/** The agreements whose recipients the current user sees; empty: all. */
	Optional<Set<String>> agreementsVisibleToCurrentUser() {
		Optional<Actor> actor = Actors.current();
		if (actor.isEmpty() || actor.get().role() == Role.ADMIN) {
			return Optional.empty();
		}
		String code = actor.get().organizationCode();
		Set<String> visible = new HashSet<>();
		if (code != null) {
			this.directory.organizationIdOfCode(code)
				.ifPresent((id) -> visible.addAll(this.directory.agreementsAcceptedBy(id)));
		}
		return Optional.of(visible);
	}

	/**
	 * The view as the current user may see it.
	 * @param view the notification
	 * @param visible what {@link #agreementsVisibleToCurrentUser()} answered
	 * @return the view, without the address where it is not shown
	 */
	static NotificationView shown(NotificationView view, Optional<Set<String>> visible) {
		return visible.map((agreements) -> agreements.contains(view.agreementId()) ? view : view.withoutAddress())
			.orElse(view);
	}

}
