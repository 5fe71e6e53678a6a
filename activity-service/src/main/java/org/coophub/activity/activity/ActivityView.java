package org.coophub.activity.activity;

import java.time.LocalDateTime;
import java.util.List;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.common.LocalizedText;

record ActivityView(String id, String agreementId, ActivityType type, LocalizedText title, String description,
		LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, Location location, String hostOrganizationId,
		List<String> participantOrganizationIds, List<String> participatingDepartments, List<String> commitmentIds,
		ActivityStatus status, Outcomes outcomes, boolean notifyPartners, long version, String cancellationNote) {

	static ActivityView of(Activity activity) {
		ActivityState s = activity.state();
		return new ActivityView(s.id(), s.agreementId(), s.type(), s.title(), s.description(), s.startsAt(), s.endsAt(),
				s.timeZone(), s.location(), s.hostOrganizationId(), s.participantOrganizationIds(),
				s.participatingDepartments(), s.commitmentIds(), s.status(), s.outcomes(), s.partnersNotified(),
				activity.version(), activity.cancellationNote());
	}

}
