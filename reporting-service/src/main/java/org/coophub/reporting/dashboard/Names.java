package org.coophub.reporting.dashboard;

import java.util.Map;

import org.coophub.events.common.LocalizedText;

/**
 * Organization names by id, as held when a page or report is built.
 */
public record Names(Map<String, OrganizationName> byId) {

	public LocalizedText of(String organizationId) {
		OrganizationName name = (organizationId != null) ? this.byId.get(organizationId) : null;
		return (name != null) ? name.name() : null;
	}

	public String code(String organizationId) {
		OrganizationName name = (organizationId != null) ? this.byId.get(organizationId) : null;
		return (name != null) ? name.code() : organizationId;
	}

}
