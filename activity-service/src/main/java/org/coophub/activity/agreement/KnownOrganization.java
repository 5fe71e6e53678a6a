package org.coophub.activity.agreement;

import java.util.List;

import org.coophub.events.agreement.OrganizationState;
import org.coophub.platform.projection.Versioned;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What activity-service knows of an organization, from agreement-events: its code, which
 * signed-in users' tokens name, and its departments, so an activity names only
 * departments the organizations taking part really have.
 */
@Document("known_organizations")
public record KnownOrganization(@Id String id, long version, String code,
		List<String> departments) implements Versioned {

	public KnownOrganization {
		departments = (departments != null) ? List.copyOf(departments) : List.of();
	}

	static KnownOrganization of(OrganizationState state, long version) {
		return new KnownOrganization(state.id(), version, state.code(), state.departments());
	}

}
