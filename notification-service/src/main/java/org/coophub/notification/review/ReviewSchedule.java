package org.coophub.notification.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.coophub.events.DomainEvent;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewHeld;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.platform.outbox.OutboxDocument;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The annual review cycles of one agreement, one per year, from its start (or its first
 * review recorded, if earlier) to the current one. A review belongs to the cycle of the
 * year of its own date, whatever the order reviews are recorded in; a party may declare a
 * cycle skipped or move its date. Every other standing follows from the calendar and from
 * {@code knownSince}, the moment this service first saw the agreement ACTIVE: a cycle
 * whose date was already past then is MISSED, never reminded of.
 */
@Document("review_schedules")
public class ReviewSchedule extends OutboxDocument {

	/**
	 * How many years past today the current cycle is looked for: enough for a review held
	 * early, bounded so a broken policy never loops.
	 */
	private static final int YEARS_AHEAD = 2;

	@Id
	private final String agreementId;

	private long agreementVersion;

	private AgreementStatus agreementStatus;

	private ReviewPolicy policy;

	private String agreementZone;

	private LocalDate startsOn;

	private LocalDate endsOn;

	/**
	 * When the agreement was first known ACTIVE (the event's time, not when it was
	 * processed).
	 */
	private Instant knownSince;

	private final List<ReviewCycle> cycles;

	/**
	 * The cycle ({@code year:dueOn}) whose DUE was last announced: once per cycle, and
	 * again once it moved.
	 */
	private String dueAnnouncedFor;

	/**
	 * The next moment the schedule changes by itself: the current cycle's first reminder
	 * (announce DUE) or the next cycle's (the current one is then MISSED); null when
	 * nothing is to come. Indexed, so the sweep reads only the schedules it has to.
	 */
	@Indexed(sparse = true)
	private Instant wakeUpAt;

	private final List<ScheduleChange> history;

	/**
	 * Whether a change made to this copy made the agreement known ACTIVE
	 * ({@code knownSince} was unset in what was read): not stored.
	 */
	@Transient
	private boolean newlyActive;

	@PersistenceCreator
	ReviewSchedule(String agreementId, List<ReviewCycle> cycles, List<ScheduleChange> history) {
		this.agreementId = agreementId;
		this.cycles = (cycles != null) ? new ArrayList<>(cycles) : new ArrayList<>();
		this.history = (history != null) ? new ArrayList<>(history) : new ArrayList<>();
	}

	static ReviewSchedule of(String agreementId) {
		return new ReviewSchedule(agreementId, null, null);
	}

	/**
	 * Takes in a state of the agreement, and when it is ACTIVE the earliest moment it was
	 * known to be (events may come late and out of order).
	 * @param agreement the agreement as of an event
	 * @param agreementVersion its version
	 * @param occurredAt when the event happened
	 * @param programZone the zone kept for an agreement that names none (the service's
	 * {@code coophub.program.zone})
	 * @return whether the state was newer than the one held
	 */
	boolean follow(AgreementState agreement, long agreementVersion, Instant occurredAt, ZoneId programZone) {
		boolean earlier = false;
		if (agreement.status() == AgreementStatus.ACTIVE && occurredAt != null
				&& (this.knownSince == null || occurredAt.isBefore(this.knownSince))) {
			this.newlyActive |= this.knownSince == null;
			this.knownSince = occurredAt;
			earlier = true;
		}
		if (agreementVersion <= this.agreementVersion) {
			return earlier;
		}
		this.agreementVersion = agreementVersion;
		this.agreementStatus = agreement.status();
		this.policy = agreement.reviewPolicy();
		this.agreementZone = (agreement.timeZone() != null) ? agreement.timeZone() : programZone.getId();
		this.startsOn = agreement.startsOn();
		this.endsOn = agreement.endsOn();
		return true;
	}

	/**
	 * Brings the cycles in line with the agreement and the moment: every year from the
	 * first to the current cycle exists; past ones without a review are MISSED; the
	 * current one follows the policy's date (unless an activity or a party set it) and
	 * the rotation; it is CANCELLED when the agreement is not active; its DUE is
	 * announced once its first reminder's moment has come.
	 * @param today the day in the agreement's time zone
	 * @param now the current instant
	 * @return the events announcing what changed
	 */
	List<DomainEvent> reconcile(LocalDate today, Instant now) {
		List<DomainEvent> events = new ArrayList<>();
		if (this.policy == null) {
			return events;
		}
		if (this.agreementStatus != AgreementStatus.ACTIVE) {
			upcoming().ifPresent((cycle) -> events.add(replace(cycle, cycle.cancelled(), now, null, null)));
			this.wakeUpAt = null;
			return events;
		}
		if (this.knownSince == null) {
			this.knownSince = now;
			this.newlyActive = true;
		}
		LocalDate knownSinceDay = knownSinceDay();
		int first = firstYear(knownSinceDay);
		Integer current = null;
		int year = first;
		for (; year <= Math.max(today.getYear(), first) + YEARS_AHEAD; year++) {
			if (beyondEnd(dueOn(year))) {
				break;
			}
			if (cycle(year).map(ReviewCycle::settled).orElse(false) || dueOn(year).isBefore(knownSinceDay)) {
				continue;
			}
			Instant nextBegins = nextCycleBeginsAt(year);
			if (nextBegins == null || now.isBefore(nextBegins)) {
				current = year;
				break;
			}
		}
		int last = (current != null) ? current : year - 1;
		this.cycles.removeIf((c) -> !c.settled() && (c.year() < first || c.year() > last));
		for (int y = first; y <= last; y++) {
			boolean isCurrent = current != null && y == current;
			Optional<ReviewCycle> existing = cycle(y);
			ReviewCycle cycle = existing.isPresent() ? existing.get() : newCycle(y, isCurrent);
			ReviewCycle right = rightFor(cycle, isCurrent);
			if (existing.isEmpty()) {
				this.cycles.add(right);
				this.version++;
				events.add(scheduled(right, right.status(), now, null, null));
			}
			else if (!right.equals(cycle)) {
				boolean announced = right.status() != cycle.status() || !right.dueOn().equals(cycle.dueOn())
						|| !Objects.equals(right.hostOrganizationId(), cycle.hostOrganizationId());
				this.cycles.set(this.cycles.indexOf(cycle), right);
				if (announced) {
					this.version++;
					events.add(scheduled(right, right.status(), now, null, null));
				}
			}
		}
		this.cycles.sort(Comparator.comparingInt(ReviewCycle::year));
		events.addAll(announceDue(now));
		return events;
	}

	private ReviewCycle rightFor(ReviewCycle cycle, boolean current) {
		if (cycle.status() == ReviewCycleStatus.HELD) {
			Turn turn = turnBefore(cycle.heldOn(), cycle.reviewActivityId());
			return cycle.plannedAs(turn.host(), turn.why());
		}
		Turn turn = turnBefore(cycle.dueOn(), null);
		if (!current) {
			ReviewCycle past = new ReviewCycle(cycle.year(), cycle.dueOn(), turn.host(), cycle.status(),
					cycle.sequence(), cycle.reviewActivityId(), cycle.heldOn(), turn.host(), turn.why(), cycle.note(),
					cycle.dateFixed(), cycle.otherReviewActivityIds());
			return cycle.settled() ? past : past.withStatus(ReviewCycleStatus.MISSED);
		}
		// the current cycle follows the rotation and the policy's day, unless an activity
		// or
		// a party set its date
		ReviewCycle right = cycle.planned(turn.host(), turn.why());
		LocalDate policyDay = ReviewCalendar.reviewDayIn(this.policy, cycle.year());
		if (!right.dateFixed() && !policyDay.equals(right.dueOn())) {
			right = right.movedTo(policyDay, null);
		}
		return right.withStatus(ReviewCycleStatus.UPCOMING);
	}

	/**
	 * Announces the current cycle DUE once its first reminder's moment has come, once per
	 * cycle and date, and sets when the schedule must be looked at next.
	 */
	private List<DomainEvent> announceDue(Instant now) {
		Optional<ReviewCycle> current = upcoming();
		if (current.isEmpty()) {
			this.wakeUpAt = null;
			return List.of();
		}
		ReviewCycle cycle = current.get();
		String key = cycle.year() + ":" + cycle.dueOn();
		Instant dueAt = ReviewCalendar.firstReminderAt(cycle.dueOn(), zone(), firstLeadDays());
		List<DomainEvent> events = new ArrayList<>();
		if (!key.equals(this.dueAnnouncedFor) && !now.isBefore(dueAt)) {
			this.dueAnnouncedFor = key;
			this.version++;
			events.add(scheduled(cycle, ReviewCycleStatus.DUE, now, null, null));
		}
		this.wakeUpAt = key.equals(this.dueAnnouncedFor) ? nextCycleBeginsAt(cycle.year()) : dueAt;
		return events;
	}

	/**
	 * Records a review held: it belongs to the cycle of the year of its date, whether
	 * that cycle was current, missed, skipped or still to come. A second review in a year
	 * already HELD is recorded on that cycle and holds no other. The same activity
	 * recorded twice changes nothing.
	 * @param activityId the ANNUAL_REVIEW activity
	 * @param heldOn the day it took place
	 * @param actualHost the organization that hosted it
	 * @param today the day in the agreement's time zone
	 * @param now the current instant
	 * @return review.held and the review.scheduled events of what changed, or nothing
	 * when the schedule did not change
	 */
	Optional<List<DomainEvent>> held(String activityId, LocalDate heldOn, String actualHost, LocalDate today,
			Instant now) {
		if (this.cycles.stream().anyMatch((c) -> c.reviewActivities().contains(activityId))) {
			return Optional.empty();
		}
		int year = heldOn.getYear();
		Optional<ReviewCycle> existing = cycle(year);
		if (existing.isPresent() && existing.get().status() == ReviewCycleStatus.HELD) {
			this.cycles.set(this.cycles.indexOf(existing.get()), existing.get().alsoHeld(activityId));
			return Optional.of(List.of());
		}
		ReviewCycle cycle = existing.orElseGet(() -> newCycle(year, false));
		ReviewCycle held = cycle.held(activityId, heldOn, actualHost);
		if (existing.isPresent()) {
			this.cycles.set(this.cycles.indexOf(cycle), held);
		}
		else {
			this.cycles.add(held);
			this.cycles.sort(Comparator.comparingInt(ReviewCycle::year));
		}
		this.version++;
		List<String> rotation = rotation();
		String nextHost = rotation.isEmpty() ? null : ReviewCalendar.nextHost(rotation, mostRecentHost(null, null));
		List<DomainEvent> events = new ArrayList<>();
		events.add(new ReviewHeld(UUID.randomUUID().toString(), now, this.agreementId, this.version, held.year(),
				held.dueOn(), heldOn, held.hostOrganizationId(), activityId, nextHost));
		events.addAll(reconcile(today, now));
		return Optional.of(events);
	}

	/**
	 * Moves the current review to the day an ANNUAL_REVIEW activity was planned for, when
	 * that day is in the current cycle's year.
	 * @param activityId the activity
	 * @param day its day
	 * @param today the day in the agreement's time zone
	 * @param now the current instant
	 * @return the events, empty if nothing changed
	 */
	List<DomainEvent> rescheduled(String activityId, LocalDate day, LocalDate today, Instant now) {
		Optional<ReviewCycle> cycle = upcoming().filter((c) -> c.year() == day.getYear() && !c.dueOn().equals(day));
		if (cycle.isEmpty()) {
			return List.of();
		}
		List<DomainEvent> events = new ArrayList<>();
		events.add(replace(cycle.get(), cycle.get().movedTo(day, activityId), now, null, null));
		events.addAll(reconcile(today, now));
		return events;
	}

	/**
	 * A party declares a cycle skipped: no review that year.
	 * @param year the cycle
	 * @param note why
	 * @param actor who
	 * @param today the day in the agreement's time zone
	 * @param now the current instant
	 * @return the review.scheduled SKIPPED event and what followed from it
	 * @throws RuleViolationException when there is no such cycle or it was held or
	 * skipped
	 */
	List<DomainEvent> skip(int year, String note, String actor, LocalDate today, Instant now) {
		ReviewCycle cycle = changeable(year);
		if (cycle.status() == ReviewCycleStatus.SKIPPED) {
			throw new RuleViolationException("year", "The " + year + " review was already skipped",
					"notification.review.already-skipped", String.valueOf(year));
		}
		List<DomainEvent> events = new ArrayList<>();
		events.add(replace(cycle, cycle.skipped(note), now, note, actor));
		this.history.add(new ScheduleChange(this.version, now, actor, ScheduleChange.SKIPPED, year, note, null));
		events.addAll(reconcile(today, now));
		return events;
	}

	/**
	 * A party moves a cycle to another day of its year within the agreement's period.
	 * @param year the cycle
	 * @param dueOn the new day
	 * @param note why
	 * @param actor who
	 * @param today the day in the agreement's time zone
	 * @param now the current instant
	 * @return the review.scheduled event with the new date and what followed from it
	 * @throws RuleViolationException when there is no such cycle, it was held or skipped,
	 * or the day is not in its year or outside the agreement's period
	 */
	List<DomainEvent> move(int year, LocalDate dueOn, String note, String actor, LocalDate today, Instant now) {
		ReviewCycle cycle = changeable(year);
		if (cycle.status() == ReviewCycleStatus.SKIPPED) {
			throw new RuleViolationException("year", "The " + year + " review was skipped: it has no date to move",
					"notification.review.skipped-no-date", String.valueOf(year));
		}
		if (dueOn.getYear() != year) {
			throw new RuleViolationException("dueOn",
					"The " + year + " review must fall in " + year + " (a review belongs to the year of its date)",
					"notification.review.outside-year", String.valueOf(year));
		}
		if ((this.startsOn != null && dueOn.isBefore(this.startsOn)) || beyondEnd(dueOn)) {
			throw new RuleViolationException("dueOn",
					"The day must fall within the agreement's period (" + this.startsOn + " to "
							+ Objects.toString(this.endsOn, "open-ended") + ")",
					(this.endsOn != null) ? "notification.review.outside-period"
							: "notification.review.outside-open-period",
					String.valueOf(this.startsOn), String.valueOf(this.endsOn));
		}
		List<DomainEvent> events = new ArrayList<>();
		events.add(replace(cycle, cycle.movedByParty(dueOn, note), now, note, actor));
		this.history.add(new ScheduleChange(this.version, now, actor, ScheduleChange.MOVED, year, note, dueOn));
		events.addAll(reconcile(today, now));
		return events;
	}

	private ReviewCycle changeable(int year) {
		ReviewCycle cycle = cycle(year).orElseThrow(() -> new RuleViolationException("year",
				"The schedule has no " + year + " review cycle", "notification.review.no-cycle", String.valueOf(year)));
		if (cycle.status() == ReviewCycleStatus.HELD) {
			throw new RuleViolationException("year",
					"The " + year + " review was held on " + cycle.heldOn()
							+ ": a review that took place cannot be skipped or moved",
					"notification.review.already-held", String.valueOf(year), String.valueOf(cycle.heldOn()));
		}
		return cycle;
	}

	private ReviewScheduled replace(ReviewCycle old, ReviewCycle changed, Instant now, String note, String actor) {
		this.cycles.set(this.cycles.indexOf(old), changed);
		this.version++;
		return scheduled(changed, changed.status(), now, note, actor);
	}

	private ReviewScheduled scheduled(ReviewCycle cycle, ReviewCycleStatus status, Instant now, String note,
			String actor) {
		return new ReviewScheduled(UUID.randomUUID().toString(), now, this.agreementId, this.version, cycle.year(),
				cycle.dueOn(), cycle.hostOrganizationId(), status, cycle.sequence(), note, actor);
	}

	private ReviewCycle newCycle(int year, boolean current) {
		return new ReviewCycle(year, ReviewCalendar.reviewDayIn(this.policy, year), null,
				current ? ReviewCycleStatus.UPCOMING : ReviewCycleStatus.MISSED, 0, null, null);
	}

	/**
	 * The first cycle: the first review day on or after the agreement's start (or the day
	 * it became known, without a start), or the year of the earliest review recorded or
	 * skipped, if earlier.
	 */
	private int firstYear(LocalDate knownSinceDay) {
		LocalDate from = (this.startsOn != null) ? this.startsOn : knownSinceDay;
		int first = ReviewCalendar.nextReviewDay(this.policy, from).getYear();
		return this.cycles.stream().filter(ReviewCycle::settled).mapToInt(ReviewCycle::year).reduce(first, Math::min);
	}

	/**
	 * When the cycle after the given year becomes the current one (its first reminder's
	 * moment), or null if there is none within the agreement's period.
	 */
	private Instant nextCycleBeginsAt(int year) {
		LocalDate next = dueOn(year + 1);
		return beyondEnd(next) ? null : ReviewCalendar.firstReminderAt(next, zone(), firstLeadDays());
	}

	private LocalDate dueOn(int year) {
		return cycle(year).map(ReviewCycle::dueOn).orElseGet(() -> ReviewCalendar.reviewDayIn(this.policy, year));
	}

	private boolean beyondEnd(LocalDate day) {
		return this.endsOn != null && day.isAfter(this.endsOn);
	}

	/**
	 * Whose turn it is for a review on the given day: the party after the host of the
	 * most recent review held before it, or after the policy's last host before any.
	 */
	private Turn turnBefore(LocalDate day, String exceptActivityId) {
		List<String> rotation = rotation();
		Optional<ReviewCycle> previous = heldBefore(day, exceptActivityId);
		String last = previous.map(ReviewCycle::hostOrganizationId).orElse(this.policy.lastHostOrganizationId());
		if (rotation.isEmpty()) {
			return new Turn(null, null);
		}
		String why = previous.map((held) -> "after " + held.hostOrganizationId() + " hosted " + held.year())
			.orElseGet(() -> (last != null) ? "after " + last + ", the last host before the records" : "first in turn");
		return new Turn(ReviewCalendar.nextHost(rotation, last), why);
	}

	private Optional<ReviewCycle> heldBefore(LocalDate day, String exceptActivityId) {
		return this.cycles.stream()
			.filter((c) -> c.status() == ReviewCycleStatus.HELD && c.heldOn() != null)
			.filter((c) -> day == null || c.heldOn().isBefore(day))
			.filter((c) -> exceptActivityId == null || !exceptActivityId.equals(c.reviewActivityId()))
			.max(Comparator.comparing(ReviewCycle::heldOn));
	}

	private String mostRecentHost(LocalDate before, String exceptActivityId) {
		return heldBefore(before, exceptActivityId).map(ReviewCycle::hostOrganizationId)
			.orElse(this.policy.lastHostOrganizationId());
	}

	/**
	 * The current cycle: the one reminded of, UPCOMING, DUE or OVERDUE as of the moment.
	 * @return the cycle, if any
	 */
	public Optional<ReviewCycle> upcoming() {
		return this.cycles.stream().filter((cycle) -> cycle.status() == ReviewCycleStatus.UPCOMING).findFirst();
	}

	/**
	 * The most recent review held, whose date bounds the digest of the next one.
	 * @return the cycle, if any was held
	 */
	public Optional<ReviewCycle> lastHeld() {
		return heldBefore(null, null);
	}

	/**
	 * The cycle of a year.
	 * @param year the year
	 * @return the cycle, if the schedule has one
	 */
	public Optional<ReviewCycle> cycle(int year) {
		return this.cycles.stream().filter((c) -> c.year() == year).findFirst();
	}

	/**
	 * Whether a cycle's date was already past when this service first knew the agreement
	 * ACTIVE: nothing is ever sent about it.
	 * @param cycle the cycle
	 * @return whether it is history
	 */
	public boolean history(ReviewCycle cycle) {
		return this.knownSince == null || cycle.dueOn().isBefore(knownSinceDay());
	}

	private LocalDate knownSinceDay() {
		return LocalDate.ofInstant(this.knownSince, zone());
	}

	private List<String> rotation() {
		return (this.policy != null && this.policy.hostRotation() != null) ? this.policy.hostRotation() : List.of();
	}

	public String agreementId() {
		return this.agreementId;
	}

	public Instant knownSince() {
		return this.knownSince;
	}

	/**
	 * Whether the agreement became known ACTIVE by a change made to this copy of the
	 * schedule since it was read. Until then nothing was ever planned for it (planning
	 * needs {@code knownSince}, which is never unset), so no reminder of it can be
	 * planned or sent yet, and its first planning has nothing to cancel and no calendar
	 * to correct.
	 * @return true if this copy is the schedule's first as ACTIVE
	 */
	public boolean newlyActive() {
		return this.newlyActive;
	}

	public Instant wakeUpAt() {
		return this.wakeUpAt;
	}

	/**
	 * The zone the schedule's dates are local dates in: the review policy's, else the
	 * agreement's, else the program's zone the schedule kept when it followed the
	 * agreement. A schedule stored before it kept that has {@link ProgramZone#DEFAULT}.
	 * @return the zone
	 */
	public ZoneId zone() {
		String zone = (this.policy != null) ? this.policy.timeZone() : null;
		return ZoneId.of(Objects.requireNonNullElse(zone,
				Objects.requireNonNullElse(this.agreementZone, ProgramZone.DEFAULT.id().getId())));
	}

	/**
	 * The lead days of the policy, largest first, without repeats or negative days.
	 * @return the lead days
	 */
	public List<Integer> leadDays() {
		if (this.policy == null || this.policy.reminderLeadDays() == null) {
			return List.of();
		}
		return this.policy.reminderLeadDays()
			.stream()
			.filter((days) -> days != null && days >= 0)
			.distinct()
			.sorted((a, b) -> b - a)
			.toList();
	}

	/**
	 * The largest lead day: from 08:00 that day the current review is DUE.
	 * @return the days, 0 without lead days
	 */
	public int firstLeadDays() {
		return leadDays().stream().findFirst().orElse(0);
	}

	public List<ReviewCycle> cycles() {
		return List.copyOf(this.cycles);
	}

	public List<ScheduleChange> history() {
		return List.copyOf(this.history);
	}

	/**
	 * Whose turn it is, and why.
	 */
	private record Turn(String host, String why) {
	}

}
