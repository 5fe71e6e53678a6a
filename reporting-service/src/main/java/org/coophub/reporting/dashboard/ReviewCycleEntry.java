package org.coophub.reporting.dashboard;

import java.time.Instant;
import java.time.LocalDate;

import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.platform.projection.Versioned;

import org.springframework.data.annotation.Id;

/**
 * One annual review cycle of an agreement (the review of one year) at its last version,
 * kept per cycle so that a report names the host and date of its own period's review,
 * never the one coming up now.
 *
 * @param id {@code agreementId:year}
 * @param version the cycle's version
 * @param agreementId the agreement
 * @param year the cycle's year
 * @param dueOn its planned date
 * @param hostOrganizationId the host: planned, or once held the actual one
 * @param status where it stands
 * @param heldOn the day it was held, once held
 * @param nextHostOrganizationId once held, the next host of the rotation
 * @param recordedAt when this version was recorded
 */
public record ReviewCycleEntry(@Id String id, long version, String agreementId, int year, LocalDate dueOn,
		String hostOrganizationId, ReviewCycleStatus status, LocalDate heldOn, String nextHostOrganizationId,
		Instant recordedAt) implements Versioned {

	static String idOf(String agreementId, int year) {
		return agreementId + ":" + year;
	}

	static ReviewCycleEntry of(String agreementId, ReviewEntry review, Instant recordedAt) {
		return new ReviewCycleEntry(idOf(agreementId, review.year()), review.version(), agreementId, review.year(),
				review.dueOn(), review.hostOrganizationId(), review.status(), review.heldOn(),
				review.nextHostOrganizationId(), recordedAt);
	}

	public boolean held() {
		return this.status == ReviewCycleStatus.HELD && this.heldOn != null;
	}

}
