package org.coophub.notification.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The annual review cycles of one agreement: past ones and the next, with their hosts. At
 * most one cycle is UPCOMING; it follows the agreement (policy, status, rotation) and the
 * ANNUAL_REVIEW activities that reschedule or hold it.
 */
@Document("review_schedules")
public class ReviewSchedule extends OutboxDocument {

	/**
	 * Where an agreement names no time zone.
	 */
	static final String DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

	@Id
	private final String agreementId;

	private long agreementVersion;

	private AgreementStatus agreementStatus;

	private ReviewPolicy policy;

	private String agreementZone;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private final List<ReviewCycle> cycles;

	@PersistenceCreator
	ReviewSchedule(String agreementId, List<ReviewCycle> cycles) {
		this.agreementId = agreementId;
		this.cycles = (cycles != null) ? new ArrayList<>(cycles) : new ArrayList<>();
	}

	static ReviewSchedule of(String agreementId) {
		return new ReviewSchedule(agreementId, null);
	}

	/**
	 * Takes in a newer state of the agreement.
	 * @param agreement the agreement as of an event
	 * @param agreementVersion its version
	 * @return whether the state was newer than the one held
	 */
	boolean follow(AgreementState agreement, long agreementVersion) {
		if (agreementVersion <= this.agreementVersion) {
			return false;
		}
		this.agreementVersion = agreementVersion;
		this.agreementStatus = agreement.status();
		this.policy = agreement.reviewPolicy();
		this.agreementZone = agreement.timeZone();
		this.startsOn = agreement.startsOn();
		this.endsOn = agreement.endsOn();
		return true;
	}

	/**
	 * Brings the upcoming cycle in line with the agreement: cancelled when the agreement
	 * is no longer active, moved when the policy's date changed (unless an ANNUAL_REVIEW
	 * activity set the date), another host when the host left the rotation; and plans the
	 * next cycle when none is upcoming.
	 * @param today the day in the agreement's time zone
	 * @param now the current instant
	 * @return the events announcing what changed
	 */
	List<DomainEvent> reconcile(LocalDate today, Instant now) {
		Optional<ReviewCycle> upcoming = upcoming();
		if (this.agreementStatus != AgreementStatus.ACTIVE || this.policy == null) {
			return upcoming.map((cycle) -> List.<DomainEvent>of(replace(cycle, cycle.cancelled(), now)))
				.orElse(List.of());
		}
		if (upcoming.isEmpty()) {
			return planNext(today, now).map(List::<DomainEvent>of).orElse(List.of());
		}
		ReviewCycle cycle = upcoming.get();
		if (this.endsOn != null && cycle.dueOn().isAfter(this.endsOn)) {
			return List.of(replace(cycle, cycle.cancelled(), now));
		}
		ReviewCycle right = cycle;
		LocalDate policyDay = ReviewCalendar.reviewDayIn(this.policy, cycle.year());
		if (cycle.reviewActivityId() == null && !policyDay.equals(cycle.dueOn())) {
			right = right.movedTo(policyDay, null);
		}
		List<String> rotation = rotation();
		if (!rotation.isEmpty() && !rotation.contains(cycle.hostOrganizationId())) {
			right = right.hostedBy(ReviewCalendar.nextHost(rotation, lastHost()));
		}
		return right.equals(cycle) ? List.of() : List.of(replace(cycle, right, now));
	}

	/**
	 * Records the upcoming review as held, moves the rotation on and plans the next one.
	 * The same activity completed twice changes nothing.
	 * @param activityId the ANNUAL_REVIEW activity
	 * @param heldOn the day it took place
	 * @param today the day in the agreement's time zone
	 * @param now the current instant
	 * @return the review.held event and the next cycle's review.scheduled event
	 */
	List<DomainEvent> held(String activityId, LocalDate heldOn, LocalDate today, Instant now) {
		boolean alreadyHeld = this.cycles.stream()
			.anyMatch((c) -> c.status() == ReviewCycleStatus.HELD && activityId.equals(c.reviewActivityId()));
		Optional<ReviewCycle> upcoming = upcoming();
		if (alreadyHeld || upcoming.isEmpty()) {
			return List.of();
		}
		ReviewCycle cycle = upcoming.get();
		this.cycles.set(this.cycles.indexOf(cycle), cycle.held(activityId, heldOn));
		this.version++;
		List<String> rotation = rotation();
		String nextHost = rotation.isEmpty() ? null : ReviewCalendar.nextHost(rotation, cycle.hostOrganizationId());
		List<DomainEvent> events = new ArrayList<>();
		events.add(new ReviewHeld(UUID.randomUUID().toString(), now, this.agreementId, this.version, cycle.year(),
				cycle.dueOn(), heldOn, cycle.hostOrganizationId(), activityId, nextHost));
		events.addAll(reconcile(today, now));
		return events;
	}

	/**
	 * Moves the upcoming review to the day an ANNUAL_REVIEW activity was planned for.
	 * @param activityId the activity
	 * @param day its day
	 * @param now the current instant
	 * @return the review.scheduled event, if the date changed
	 */
	Optional<DomainEvent> rescheduled(String activityId, LocalDate day, Instant now) {
		return upcoming().filter((cycle) -> !cycle.dueOn().equals(day))
			.map((cycle) -> replace(cycle, cycle.movedTo(day, activityId), now));
	}

	private ReviewScheduled replace(ReviewCycle old, ReviewCycle changed, Instant now) {
		this.cycles.set(this.cycles.indexOf(old), changed);
		this.version++;
		return scheduled(changed, now);
	}

	private Optional<ReviewScheduled> planNext(LocalDate today, Instant now) {
		LocalDate from = today;
		if (this.startsOn != null && from.isBefore(this.startsOn)) {
			from = this.startsOn;
		}
		Optional<ReviewCycle> lastHeld = lastHeld();
		if (lastHeld.isPresent() && !from.isAfter(lastHeld.get().dueOn())) {
			from = lastHeld.get().dueOn().plusDays(1);
		}
		LocalDate dueOn = ReviewCalendar.nextReviewDay(this.policy, from);
		if (this.endsOn != null && dueOn.isAfter(this.endsOn)) {
			return Optional.empty();
		}
		List<String> rotation = rotation();
		String host = rotation.isEmpty() ? null : ReviewCalendar.nextHost(rotation, lastHost());
		int sequence = this.cycles.stream()
			.filter((c) -> c.year() == dueOn.getYear())
			.mapToInt((c) -> c.sequence() + 1)
			.max()
			.orElse(0);
		ReviewCycle cycle = new ReviewCycle(dueOn.getYear(), dueOn, host, ReviewCycleStatus.UPCOMING, sequence, null,
				null);
		this.cycles.add(cycle);
		this.version++;
		return Optional.of(scheduled(cycle, now));
	}

	private ReviewScheduled scheduled(ReviewCycle cycle, Instant now) {
		return new ReviewScheduled(UUID.randomUUID().toString(), now, this.agreementId, this.version, cycle.year(),
				cycle.dueOn(), cycle.hostOrganizationId(), cycle.status());
	}

	public Optional<ReviewCycle> upcoming() {
		return this.cycles.stream().filter((cycle) -> cycle.status() == ReviewCycleStatus.UPCOMING).findFirst();
	}

	/**
	 * The last review held, whose date bounds the digest of the next one.
	 * @return the cycle, if any was held
	 */
	public Optional<ReviewCycle> lastHeld() {
		return this.cycles.stream()
			.filter((cycle) -> cycle.status() == ReviewCycleStatus.HELD)
			.reduce((first, second) -> second);
	}

	private String lastHost() {
		return lastHeld().map(ReviewCycle::hostOrganizationId).orElse(this.policy.lastHostOrganizationId());
	}

	private List<String> rotation() {
		return (this.policy.hostRotation() != null) ? this.policy.hostRotation() : List.of();
	}

	public String agreementId() {
		return this.agreementId;
	}

	public ZoneId zone() {
		String zone = (this.policy != null) ? this.policy.timeZone() : null;
		return ZoneId
			.of(Objects.requireNonNullElse(zone, Objects.requireNonNullElse(this.agreementZone, DEFAULT_ZONE)));
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

	public List<ReviewCycle> cycles() {
		return List.copyOf(this.cycles);
	}

}
