package org.coophub.events.agreement;

import java.util.List;

import org.coophub.events.common.LocalizedText;

public record OrganizationState(String id, String code, LocalizedText name, String kind, String province,
		List<String> departments, List<Contact> contacts, boolean active) {
}
