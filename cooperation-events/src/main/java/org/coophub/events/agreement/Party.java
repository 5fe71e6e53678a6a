package org.coophub.events.agreement;

public record Party(String organizationId, PartyRole role) {
}
