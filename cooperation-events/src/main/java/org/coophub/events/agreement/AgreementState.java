package org.coophub.events.agreement;

import java.time.LocalDate;
import java.util.List;

import org.coophub.events.common.LocalizedText;

public record AgreementState(String id, String code, LocalizedText title, List<Party> parties, LocalDate signedOn,
		LocalDate startsOn, LocalDate endsOn, String timeZone, List<Area> areas, AgreementStatus status,
		List<Commitment> commitments, ReviewPolicy reviewPolicy) {
}
