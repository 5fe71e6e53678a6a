package org.coophub.agreement.agreement;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.coophub.agreement.agreement.AgreementInput.TargetInput;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.platform.web.TextInput;

/**
 * A PATCH of one commitment: the fields sent replace the stored ones ({@code target} as a
 * whole). The day it took effect ({@code since}) stays.
 */
record CommitmentChanges(@Valid TextInput title, Area area, @Size(max = 64) String responsibleOrganizationId,
		@Valid TargetInput target, LocalDate dueOn, CommitmentStatus status) {

	Commitment applyTo(Commitment current) {
		return new Commitment(current.id(), (this.title != null) ? this.title.toText() : current.title(),
				(this.area != null) ? this.area : current.area(),
				(this.responsibleOrganizationId != null) ? this.responsibleOrganizationId
						: current.responsibleOrganizationId(),
				(this.target != null) ? this.target.toTarget() : current.target(),
				(this.dueOn != null) ? this.dueOn : current.dueOn(),
				(this.status != null) ? this.status : current.status(), current.since());
	}

}
