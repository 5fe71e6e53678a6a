package org.coophub.agreement.organization;

import java.util.List;

import org.coophub.events.agreement.OrganizationState;
import org.coophub.events.common.LocalizedText;

record OrganizationView(String id, String code, LocalizedText name, OrganizationKind kind, String province,
		List<String> departments, List<ContactView> contacts, boolean active, long version) {

	static OrganizationView of(Organization organization) {
		return of(organization, true);
	}

	/**
	 * The organization, its contacts' e-mail addresses left out unless shown.
	 * @param organization the organization
	 * @param emailsShown whether the reader may see the addresses
	 * @return the view
	 */
	static OrganizationView of(Organization organization, boolean emailsShown) {
		OrganizationState state = organization.state();
		return new OrganizationView(state.id(), state.code(), state.name(), OrganizationKind.valueOf(state.kind()),
				state.province(), state.departments(),
				state.contacts()
					.stream()
					.map(ContactView::of)
					.map((contact) -> emailsShown ? contact : contact.withoutEmail())
					.toList(),
				state.active(), organization.version());
	}

}
