package org.coophub.activity.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.platform.outbox.OutboxDocument;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something the partners did under an agreement: a conference, an exchange, a review.
 */
@Document("activities")
public class Activity extends OutboxDocument {

	@Id
	private final String id;

	@Indexed
	private final String agreementId;

	private ActivityDetails details;

	@PersistenceCreator
	Activity(String id, String agreementId) {
		this.id = id;
		this.agreementId = agreementId;
	}

	static Activity record(ActivityDetails details) {
		Activity activity = new Activity(UUID.randomUUID().toString(), details.agreementId());
		activity.details = details;
		activity.version = 1;
		return activity;
	}

	ActivityRecorded recorded(Instant now) {
		return new ActivityRecorded(UUID.randomUUID().toString(), now, this.id, this.version, state());
	}

	ActivityState state() {
		ActivityDetails d = this.details;
		return new ActivityState(this.id, this.agreementId, d.type(), d.title(), d.startsAt(), d.endsAt(), d.timeZone(),
				d.location(), d.hostOrganizationId(), d.participantOrganizationIds(), d.commitmentIds(), d.status(),
				d.outcomes());
	}

	public String id() {
		return this.id;
	}

}
