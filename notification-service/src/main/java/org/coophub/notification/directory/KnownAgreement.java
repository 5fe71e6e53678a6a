package org.coophub.notification.directory;

import java.util.List;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Party;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.projection.Versioned;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An agreement's parties and title, as agreement-events told notification-service.
 */
@Document("known_agreements")
public record KnownAgreement(@Id String id, long version, String code, LocalizedText title, AgreementStatus status,
		List<String> partyIds) implements Versioned {

	static KnownAgreement of(AgreementState state, long version) {
		return new KnownAgreement(state.id(), version, state.code(), state.title(), state.status(),
				state.parties().stream().map(Party::organizationId).toList());
	}

}
