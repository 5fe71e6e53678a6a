package org.coophub.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.TargetMeasure;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.reporting.dashboard.ActivityEntry;
import org.coophub.reporting.dashboard.CommitmentTally;
import org.coophub.reporting.dashboard.ConferenceTotals;
import org.coophub.reporting.dashboard.Names;
import org.coophub.reporting.dashboard.ReviewCycleEntry;

/**
 * What the annual review report (sơ kết) of one agreement for one year says: the
 * agreement as it stood at the end of the review period, the activities of that period
 * and the review that closes it. Built only from stored events (never from the clock), so
 * the same data gives the same content, and the same bytes.
 *
 * @param agreementId the agreement
 * @param code its code
 * @param title its title
 * @param year the year reviewed
 * @param period the days covered, and by which rule
 * @param parties the parties' names and roles
 * @param resultsByArea completed activities of the period by area of cooperation
 * @param conferences what the period's completed conferences achieved
 * @param commitments each commitment in force at the period's end, with its progress
 * @param openCommitments commitments still open then: the plan for the next period
 * @param plannedInPeriod activities of the period still planned, not yet held
 * @param planItems items the period's review meeting agreed on
 * @param review the review of the year: host and date
 * @param basis what the report was computed from
 */
public record AnnualReportContent(String agreementId, String code, LocalizedText title, int year, ReviewPeriod period,
		List<PartyLine> parties, Map<Area, List<ActivityLine>> resultsByArea, ConferenceTotals conferences,
		List<CommitmentLine> commitments, List<CommitmentLine> openCommitments, List<ActivityLine> plannedInPeriod,
		List<String> planItems, ReviewLine review, Basis basis) {

	static AnnualReportContent of(String agreementId, AgreementAsOf asOf, ReviewPeriod period,
			List<ActivityEntry> periodActivities, Optional<ReviewCycleEntry> cycle, Names names, int year) {
		AgreementState agreement = asOf.state();
		List<ActivityEntry> activities = periodActivities.stream()
			.sorted(Comparator.comparing(ActivityEntry::startsAt).thenComparing(ActivityEntry::id))
			.toList();
		List<Commitment> commitments = agreement.commitments();
		Map<Area, List<ActivityLine>> byArea = new EnumMap<>(Area.class);
		List<ActivityEntry> completed = activities.stream()
			.filter((a) -> a.status() == ActivityStatus.COMPLETED)
			.toList();
		for (ActivityEntry activity : completed) {
			byArea.computeIfAbsent(areaOf(activity, commitments), (area) -> new ArrayList<>())
				.add(ActivityLine.of(activity));
		}
		List<CommitmentLine> commitmentLines = commitments.stream()
			.map((c) -> CommitmentLine.of(c, CommitmentTally.of(c, activities), year, names))
			.toList();
		List<CommitmentLine> open = commitmentLines.stream()
			.filter((c) -> c.status() == null || c.status() == CommitmentStatus.OPEN
					|| c.status() == CommitmentStatus.IN_PROGRESS)
			.toList();
		List<ActivityLine> stillPlanned = activities.stream()
			.filter((a) -> a.status() == ActivityStatus.PLANNED)
			.map(ActivityLine::of)
			.toList();
		List<String> planItems = completed.stream()
			.filter((a) -> a.type() == ActivityType.ANNUAL_REVIEW && a.outcomes() != null
					&& a.outcomes().planItems() != null)
			.flatMap((a) -> a.outcomes().planItems().stream())
			.toList();
		List<PartyLine> parties = (agreement.parties() != null) ? agreement.parties()
			.stream()
			.map((p) -> new PartyLine(names.code(p.organizationId()), names.of(p.organizationId()), p.role().name()))
			.toList() : List.of();
		Instant lastEventAt = activities.stream()
			.map(ActivityEntry::changedAt)
			.filter((at) -> at != null)
			.reduce(asOf.lastRecordedAt(), (a, b) -> (a == null || b.isAfter(a)) ? b : a);
		Basis basis = new Basis(asOf.version(), asOf.effectiveOn(), activities.size(), lastEventAt);
		return new AnnualReportContent(agreementId, agreement.code(), agreement.title(), year, period, parties, byArea,
				ConferenceTotals.of(completed), commitmentLines, open, stillPlanned, planItems,
				cycle.map((c) -> ReviewLine.of(c, names)).orElse(null), basis);
	}

	/**
	 * An activity counts under the area of the first commitment it serves, or else the
	 * area its type belongs to.
	 */
	static Area areaOf(ActivityEntry activity, List<Commitment> commitments) {
		Optional<Area> linked = commitments.stream()
			.filter((c) -> activity.linkedTo(c.id()) && c.area() != null)
			.map(Commitment::area)
			.findFirst();
		return linked.orElseGet(() -> switch (activity.type()) {
			case INVESTMENT_PROMOTION_CONFERENCE -> Area.INVESTMENT_PROMOTION;
			case TRADE_PROMOTION -> Area.TRADE_PROMOTION;
			case INFORMATION_EXCHANGE, DOCUMENT_SHARING, WEBSITE_PROMOTION -> Area.INFORMATION_AND_WEBSITE;
			case EXPERIENCE_EXCHANGE, TRAINING -> Area.LABOUR_AND_TRAINING;
			default -> Area.OTHER;
		});
	}

	/**
	 * A party of the agreement.
	 *
	 * @param code the organization's code
	 * @param name its name
	 * @param role LEAD or PARTNER
	 */
	public record PartyLine(String code, LocalizedText name, String role) {

	}

	/**
	 * One activity as the report lists it.
	 *
	 * @param date its first day
	 * @param type its type
	 * @param title its title
	 * @param province where it took place
	 * @param outcomes what it achieved
	 */
	public record ActivityLine(LocalDate date, ActivityType type, LocalizedText title, String province,
			Outcomes outcomes) {

		static ActivityLine of(ActivityEntry activity) {
			return new ActivityLine(activity.startsAt().toLocalDate(), activity.type(), activity.title(),
					(activity.location() != null) ? activity.location().province() : null, activity.outcomes());
		}

	}

	/**
	 * A commitment as it stood at the period's end, and its progress in the period.
	 *
	 * @param title what was committed
	 * @param area its area
	 * @param responsible who is responsible
	 * @param status its status then
	 * @param measure what its target counts (null: linked activities)
	 * @param outcome with OUTCOME_SUM, the outcome summed
	 * @param currency with registered capital, its currency
	 * @param target the target of the reviewed year, if any
	 * @param planned activities that count, not cancelled, in the period
	 * @param held of those, the completed ones
	 * @param achieved what they achieved against the target
	 * @param dueOn its deadline, if any
	 */
	public record CommitmentLine(LocalizedText title, Area area, LocalizedText responsible, CommitmentStatus status,
			TargetMeasure measure, String outcome, String currency, BigDecimal target, long planned, long held,
			BigDecimal achieved, LocalDate dueOn) {

		static CommitmentLine of(Commitment commitment, CommitmentTally tally, int year, Names names) {
			var target = commitment.target();
			return new CommitmentLine(commitment.title(), commitment.area(),
					names.of(commitment.responsibleOrganizationId()), commitment.status(),
					(target != null) ? target.measure() : null, (target != null) ? target.outcome() : null,
					(target != null) ? target.currency() : null, (target != null) ? target.valueIn(year) : null,
					tally.planned(), tally.held(), tally.achieved(), commitment.dueOn());
		}

	}

	/**
	 * The review of the reviewed year, as notification-service last said: once held, its
	 * actual host and day and the next host of the rotation; else the planned host and
	 * date and where it stands.
	 *
	 * @param year the review's year
	 * @param status how it ended (held, missed, skipped, cancelled), null while planned
	 * @param dueOn its planned date
	 * @param heldOn the day it was held
	 * @param hostCode the host's code
	 * @param host the host's name
	 * @param nextHostCode once held, the next host's code
	 * @param nextHost once held, the next host's name
	 */
	public record ReviewLine(int year, ReviewCycleStatus status, LocalDate dueOn, LocalDate heldOn, String hostCode,
			LocalizedText host, String nextHostCode, LocalizedText nextHost) {

		static ReviewLine of(ReviewCycleEntry cycle, Names names) {
			String host = cycle.hostOrganizationId();
			String next = cycle.held() ? cycle.nextHostOrganizationId() : null;
			// UPCOMING, DUE and OVERDUE change with the clock, not with what happened:
			// left
			// out, so the report's bytes do not change with them
			ReviewCycleStatus status = (cycle.status() == null) ? null : switch (cycle.status()) {
				case HELD, MISSED, SKIPPED, CANCELLED -> cycle.status();
				default -> null;
			};
			return new ReviewLine(cycle.year(), status, cycle.dueOn(), cycle.heldOn(), names.code(host), names.of(host),
					(next != null) ? names.code(next) : null, (next != null) ? names.of(next) : null);
		}

	}

	/**
	 * What a report was computed from, printed with it, so a reader can tell why two
	 * copies differ.
	 *
	 * @param agreementVersion the agreement's newest version in force at the period's end
	 * @param agreementEffectiveOn the day that version took effect
	 * @param activities the period's activities read (cancelled ones included)
	 * @param lastEventAt when the latest of that data was recorded
	 */
	public record Basis(long agreementVersion, LocalDate agreementEffectiveOn, int activities, Instant lastEventAt) {

	}

}
