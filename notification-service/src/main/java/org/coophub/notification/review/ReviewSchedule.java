package org.coophub.notification.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.events.notification.ReviewScheduled;
import org.coophub.platform.outbox.OutboxDocument;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The annual review cycles of one agreement: past ones and the next, with their hosts.
 */
@Document("review_schedules")
public class ReviewSchedule extends OutboxDocument {

	@Id
	private final String agreementId;

	private long agreementVersion;

	private AgreementStatus agreementStatus;

	private ReviewPolicy policy;

	private LocalDate startsOn;

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
		this.startsOn = agreement.startsOn();
		return true;
	}

	/**
	 * Plans the next review of an active agreement if none is upcoming.
	 * @param today the day in the agreement's time zone
	 * @param now the current instant
	 * @return the event announcing the planned cycle, if one was planned
	 */
	Optional<ReviewScheduled> planNext(LocalDate today, Instant now) {
		if (this.agreementStatus != AgreementStatus.ACTIVE || this.policy == null || upcoming().isPresent()) {
			return Optional.empty();
		}
		LocalDate from = today.isBefore(this.startsOn) ? this.startsOn : today;
		LocalDate dueOn = ReviewCalendar.nextReviewDay(this.policy, from);
		String host = ReviewCalendar.nextHost(this.policy.hostRotation(), lastHost());
		ReviewCycle cycle = new ReviewCycle(dueOn.getYear(), dueOn, host, ReviewCycleStatus.UPCOMING);
		this.cycles.add(cycle);
		this.version++;
		return Optional.of(new ReviewScheduled(UUID.randomUUID().toString(), now, this.agreementId, this.version,
				cycle.year(), cycle.dueOn(), cycle.hostOrganizationId(), cycle.status()));
	}

	Optional<ReviewCycle> upcoming() {
		return this.cycles.stream().filter((cycle) -> cycle.status() == ReviewCycleStatus.UPCOMING).findFirst();
	}

	private String lastHost() {
		return this.cycles.stream()
			.filter((cycle) -> cycle.status() == ReviewCycleStatus.HELD)
			.reduce((first, second) -> second)
			.map(ReviewCycle::hostOrganizationId)
			.orElse(this.policy.lastHostOrganizationId());
	}

	String agreementId() {
		return this.agreementId;
	}

	String timeZone() {
		return (this.policy != null) ? this.policy.timeZone() : null;
	}

	List<ReviewCycle> cycles() {
		return List.copyOf(this.cycles);
	}

}
