package org.coophub.agreement.organization;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.coophub.events.agreement.PartyConsent;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.security.Role;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Contacts' e-mail addresses are shown to the parties of an agreement only: a user sees
 * those of their own organization and of every organization it shares an agreement with;
 * the secretariat sees all. An agreement is shared only between parties that have
 * accepted it: a party named by someone else and still pending (or declining) neither
 * shows its contacts to the others nor sees theirs through that agreement. A party stored
 * before consent existed counts as accepted.
 */
@Component
class ContactVisibility {

	private final MongoTemplate mongo;

	private final Organizations organizations;

	ContactVisibility(MongoTemplate mongo, Organizations organizations) {
		this.mongo = mongo;
		this.organizations = organizations;
	}

	/** Whether a stored party has accepted; one stored before consent existed has. */
	private static boolean accepted(Document party) {
		String consent = party.getString("consent");
		return consent == null || PartyConsent.ACCEPTED.name().equals(consent);
	}

	/** The organizations whose contacts' addresses the current user sees; empty: all. */
	Optional<Set<String>> visibleToCurrentUser() {
		Optional<Actor> actor = Actors.current();
		if (actor.isEmpty() || actor.get().role() == Role.ADMIN) {
			return Optional.empty();
		}
		Set<String> visible = new HashSet<>();
		String code = actor.get().organizationCode();
		String own = (code != null) ? this.organizations.findByCode(code).map(Organization::id).orElse(null) : null;
		if (own != null) {
			visible.add(own);
			Query shared = Query.query(Criteria.where("parties.organizationId").is(own));
			shared.fields().include("parties.organizationId").include("parties.consent");
			for (Document agreement : this.mongo.find(shared, Document.class, "agreements")) {
				List<String> accepted = agreement.getList("parties", Document.class, List.of())
					.stream()
					.filter(ContactVisibility::accepted)
					.map((party) -> party.getString("organizationId"))
					.toList();
				if (accepted.contains(own)) {
					visible.addAll(accepted);
				}
			}
		}
		return Optional.of(visible);
	}

}
