package org.coophub.notification.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coophub.events.DomainEvent;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.agreement.AgreementState;
import org.coophub.notification.directory.Directory;
import org.coophub.notification.directory.KnownAgreement;
import org.coophub.platform.messaging.NotArrivedYetException;
import org.coophub.platform.outbox.OutboxWriter;
import org.coophub.platform.problem.NotFoundException;
import org.coophub.platform.security.OrganizationScope;
import org.coophub.platform.web.Versions;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Keeps each agreement's review schedule in step with the agreement, its ANNUAL_REVIEW
 * activities, the parties' declarations and the clock.
 */
@Service
public class ReviewScheduler {

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final Directory directory;

	private final Clock clock;

	private final ApplicationEventPublisher changes;

	private final ProgramZone programZone;

	ReviewScheduler(MongoTemplate mongo, OutboxWriter outbox, Directory directory, Clock clock,
			ApplicationEventPublisher changes, ProgramZone programZone) {
		this.changes = changes;
		this.mongo = mongo;
		this.outbox = outbox;
		this.directory = directory;
		this.clock = clock;
		this.programZone = programZone;
	}

	/**
	 * Takes in a state of an agreement.
	 * @param agreement the agreement
	 * @param version its version
	 * @param occurredAt when the event happened: the first ACTIVE one dates what is
	 * history
	 * @return the schedule as stored now: saved if it took something in, else as read
	 * (the reminders are planned again either way: a crash may have come between the save
	 * and the planning)
	 */
	public ReviewSchedule follow(AgreementState agreement, long version, Instant occurredAt) {
		ReviewSchedule schedule = find(agreement.id()).orElseGet(() -> ReviewSchedule.of(agreement.id()));
		if (!schedule.follow(agreement, version, occurredAt, this.programZone.id())) {
			return schedule;
		}
		return this.outbox.save(schedule, schedule.reconcile(today(schedule), this.clock.instant()));
	}

	/**
	 * An activity changed: an ANNUAL_REVIEW completed holds the cycle of its year, one
	 * planned for another day of the current cycle's year moves it.
	 * @param activity the activity
	 * @return the schedule as saved, if it changed
	 */
	public Optional<ReviewSchedule> activity(ActivityState activity) {
		if (activity.type() != ActivityType.ANNUAL_REVIEW || activity.startsAt() == null) {
			return Optional.empty();
		}
		// every agreement event makes a schedule, so none means its events are still on
		// the way: the activity is parked until they are in
		ReviewSchedule schedule = find(activity.agreementId())
			.orElseThrow(() -> new NotArrivedYetException("review schedule of agreement " + activity.agreementId()));
		LocalDate day = activity.startsAt().toLocalDate();
		if (activity.status() == ActivityStatus.COMPLETED) {
			return schedule
				.held(activity.id(), day, activity.hostOrganizationId(), today(schedule), this.clock.instant())
				.map((events) -> this.outbox.save(schedule, events));
		}
		if (activity.status() == ActivityStatus.PLANNED) {
			List<DomainEvent> events = schedule.rescheduled(activity.id(), day, today(schedule), this.clock.instant());
			if (!events.isEmpty()) {
				return Optional.of(this.outbox.save(schedule, events));
			}
		}
		return Optional.empty();
	}

	/**
	 * A party declares a cycle skipped.
	 * @param agreementId the agreement
	 * @param year the cycle
	 * @param note why
	 * @param ifMatch the schedule's version as the caller saw it
	 * @param actor who
	 * @return the schedule
	 */
	public ReviewSchedule skip(String agreementId, int year, String note, String ifMatch, String actor) {
		ReviewSchedule schedule = writable(agreementId, ifMatch);
		ReviewSchedule saved = this.outbox.save(schedule,
				schedule.skip(year, note, actor, today(schedule), this.clock.instant()));
		this.changes.publishEvent(new ReviewScheduleChanged(agreementId));
		return saved;
	}

	/**
	 * A party moves a cycle to another day.
	 * @param agreementId the agreement
	 * @param year the cycle
	 * @param dueOn the new day
	 * @param note why
	 * @param ifMatch the schedule's version as the caller saw it
	 * @param actor who
	 * @return the schedule
	 */
	public ReviewSchedule move(String agreementId, int year, LocalDate dueOn, String note, String ifMatch,
			String actor) {
		ReviewSchedule schedule = writable(agreementId, ifMatch);
		ReviewSchedule saved = this.outbox.save(schedule,
				schedule.move(year, dueOn, note, actor, today(schedule), this.clock.instant()));
		this.changes.publishEvent(new ReviewScheduleChanged(agreementId));
		return saved;
	}

	private ReviewSchedule writable(String agreementId, String ifMatch) {
		ReviewSchedule schedule = schedule(agreementId);
		// a party that has not accepted has no party rights yet
		List<String> parties = this.directory.agreement(agreementId)
			.map(KnownAgreement::acceptedPartyIds)
			.orElse(List.of());
		OrganizationScope.requireWriteFor(parties, this.directory::organizationIdOfCode,
				"agreement " + agreementId + "'s review schedule");
		Versions.requireMatch(ifMatch, schedule.version());
		return schedule;
	}

	/**
	 * The schedules whose moment to change by themselves has come (a cycle falls due, or
	 * the next one becomes current), earliest first; an indexed query, never a scan.
	 * @param limit how many at most
	 * @return the agreements' ids
	 */
	public List<String> awake(int limit) {
		Query query = Query.query(Criteria.where("wakeUpAt").lte(this.clock.instant()))
			.with(Sort.by("wakeUpAt"))
			.limit(limit);
		query.fields().include("_id");
		List<String> ids = new ArrayList<>();
		this.mongo.find(query, org.bson.Document.class, this.mongo.getCollectionName(ReviewSchedule.class))
			.forEach((doc) -> ids.add(doc.getString("_id")));
		return ids;
	}

	/**
	 * Lets a schedule change by itself as the clock says. With several instances, the
	 * optimistic lock lets one of them save (and publish); the others change nothing.
	 * @param agreementId the agreement
	 * @return the schedule as saved, if this instance changed it
	 */
	public Optional<ReviewSchedule> wakeUp(String agreementId) {
		Optional<ReviewSchedule> found = find(agreementId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ReviewSchedule schedule = found.get();
		try {
			return Optional.of(this.outbox.save(schedule, schedule.reconcile(today(schedule), this.clock.instant())));
		}
		catch (OptimisticLockingFailureException ex) {
			return Optional.empty();
		}
	}

	public Optional<ReviewSchedule> find(String agreementId) {
		return Optional.ofNullable(this.mongo.findById(agreementId, ReviewSchedule.class));
	}

	public ReviewSchedule schedule(String agreementId) {
		return find(agreementId).orElseThrow(() -> new NotFoundException("Review schedule of agreement", agreementId));
	}

	public LocalDate today(ReviewSchedule schedule) {
		return LocalDate.now(this.clock.withZone(schedule.zone()));
	}

	public Instant now() {
		return this.clock.instant();
	}

}
