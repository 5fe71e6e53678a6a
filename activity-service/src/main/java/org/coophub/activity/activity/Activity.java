package org.coophub.activity.activity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityCancelled;
import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityRescheduled;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityUpdated;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.activity.ActivityState;
import org.coophub.platform.outbox.OutboxDocument;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.text.SearchTokens;
import org.coophub.platform.tracing.TraceParent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something the partners did under an agreement: a conference, an exchange, a review.
 */
@Document("activities")
@CompoundIndex(name = "agreement_starts", def = "{'agreementId': 1, 'details.startsAt': 1, '_id': 1}")
@CompoundIndex(name = "starts", def = "{'details.startsAt': 1, '_id': 1}")
public class Activity extends OutboxDocument {

	@Id
	private final String id;

	@Indexed
	private final String agreementId;

	private ActivityDetails details;

	/**
	 * What the free-text filter looks up ({@link SearchTokens}): the folded words of the
	 * title, description, place and topic, with their prefixes; kept with every change,
	 * in the same write.
	 */
	@Indexed
	private List<String> searchTokens;

	private final List<Reschedule> reschedules = new ArrayList<>();

	/**
	 * Why it was cancelled, as the canceller wrote it; null when not cancelled or not
	 * said.
	 */
	private String cancellationNote;

	private List<ActivityChange> history = new ArrayList<>();

	@PersistenceCreator
	Activity(String id, String agreementId) {
		this.id = id;
		this.agreementId = agreementId;
	}

	static Activity record(ActivityDetails details) {
		Activity activity = new Activity(UUID.randomUUID().toString(), details.agreementId());
		activity.change(details);
		activity.version = 1;
		return activity;
	}

	ActivityRecorded recorded(Instant now) {
		return new ActivityRecorded(UUID.randomUUID().toString(), now, this.id, this.version, state());
	}

	DomainEvent complete(Outcomes outcomes, Instant now) {
		requirePlanned("completed");
		this.change(this.details.withStatus(ActivityStatus.COMPLETED)
			.withOutcomes((outcomes != null) ? outcomes : this.details.outcomes()));
		this.version++;
		return new ActivityCompleted(UUID.randomUUID().toString(), now, this.id, this.version, state());
	}

	DomainEvent cancel(Instant now) {
		return cancel(null, now);
	}

	DomainEvent cancel(String note, Instant now) {
		requirePlanned("cancelled");
		this.cancellationNote = (note != null && !note.isBlank()) ? note.strip() : null;
		this.change(this.details.withStatus(ActivityStatus.CANCELLED));
		this.version++;
		return new ActivityCancelled(UUID.randomUUID().toString(), now, this.id, this.version, state());
	}

	DomainEvent reschedule(LocalDateTime startsAt, LocalDateTime endsAt, String note, Instant now) {
		requirePlanned("rescheduled");
		ActivityDetails before = this.details;
		this.reschedules.add(new Reschedule(before.startsAt(), before.endsAt(), startsAt, endsAt, note, now));
		this.change(before.withDates(startsAt, endsAt));
		this.version++;
		return new ActivityRescheduled(UUID.randomUUID().toString(), now, this.id, this.version, before.startsAt(),
				before.endsAt(), state());
	}

	DomainEvent update(ActivityDetails changed, Instant now) {
		if (this.details.status() == ActivityStatus.CANCELLED) {
			throw new ConflictException("Activity " + this.id + " is CANCELLED and can no longer change",
					"activity.cancelled", this.id);
		}
		this.change(changed);
		this.version++;
		return new ActivityUpdated(UUID.randomUUID().toString(), now, this.id, this.version, state());
	}

	private void change(ActivityDetails changed) {
		this.details = changed;
		this.searchTokens = searchTokensOf(changed);
	}

	/**
	 * The tokens the activity's texts give, for a document stored before activities kept
	 * them ({@link ActivityTokenBackfill}).
	 */
	List<String> currentSearchTokens() {
		return searchTokensOf(this.details);
	}

	List<String> searchTokens() {
		return (this.searchTokens != null) ? this.searchTokens : List.of();
	}

	private static List<String> searchTokensOf(ActivityDetails details) {
		return SearchTokens.of((details.title() != null) ? details.title().vi() : null,
				(details.title() != null) ? details.title().en() : null,
				(details.location() != null) ? details.location().venue() : null,
				(details.location() != null) ? details.location().province() : null,
				(details.outcomes() != null) ? details.outcomes().topic() : null, details.description());
	}

	private void requirePlanned(String change) {
		if (this.details.status() != ActivityStatus.PLANNED) {
			throw new ConflictException("Activity " + this.id + " is " + this.details.status()
					+ "; only a PLANNED activity can be " + change, "activity.not-planned." + change, this.id,
					this.details.status().name());
		}
	}

	/**
	 * Keeps who made the change the event records, in the same document as the change.
	 * @param event the event of the change just made
	 * @param actor who made it
	 */
	void remember(DomainEvent event, String actor) {
		if (this.history == null) {
			this.history = new ArrayList<>();
		}
		this.history.add(new ActivityChange(this.version, ActivityChangeKind.of(event), actor, event.occurredAt(),
				TraceParent.currentTraceId().orElse(null)));
	}

	List<ActivityChange> history() {
		return (this.history != null) ? List.copyOf(this.history) : List.of();
	}

	ActivityDetails details() {
		return this.details;
	}

	String cancellationNote() {
		return this.cancellationNote;
	}

	List<Reschedule> reschedules() {
		return List.copyOf(this.reschedules);
	}

	ActivityState state() {
		ActivityDetails d = this.details;
		return new ActivityState(this.id, this.agreementId, d.type(), d.title(), d.startsAt(), d.endsAt(), d.timeZone(),
				d.location(), d.hostOrganizationId(), d.participantOrganizationIds(), d.commitmentIds(), d.status(),
				d.outcomes(), d.description(), d.participatingDepartments(), d.notifyPartners());
	}

	public String id() {
		return this.id;
	}

}
