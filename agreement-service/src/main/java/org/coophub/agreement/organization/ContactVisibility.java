package org.coophub.agreement.organization;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
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
 * the secretariat sees all.
 */
@Component
class ContactVisibility {

	private final MongoTemplate mongo;

	private final Organizations organizations;

	ContactVisibility(MongoTemplate mongo, Organizations organizations) {
		this.mongo = mongo;
		this.organizations = organizations;
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
			shared.fields().include("parties.organizationId");
			for (Document agreement : this.mongo.find(shared, Document.class, "agreements")) {
				for (Document party : agreement.getList("parties", Document.class, java.util.List.of())) {
					visible.add(party.getString("organizationId"));
				}
			}
		}
		return Optional.of(visible);
	}

}
