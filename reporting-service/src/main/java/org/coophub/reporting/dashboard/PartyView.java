package org.coophub.reporting.dashboard;

import org.coophub.events.agreement.PartyRole;
import org.coophub.events.common.LocalizedText;

/**
 * A party of the agreement with its name as pages show it.
 */
public record PartyView(String organizationId, PartyRole role, LocalizedText name) {

}
