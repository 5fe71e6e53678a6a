package org.coophub.reporting.report;

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
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.reporting.dashboard.ActivityEntry;
import org.coophub.reporting.dashboard.AgreementDashboard;
import org.coophub.reporting.dashboard.AgreementSummary;
import org.coophub.reporting.dashboard.CommitmentProgress;
import org.coophub.reporting.dashboard.ConferenceTotals;
import org.coophub.reporting.dashboard.Names;
import org.coophub.reporting.dashboard.ReviewEntry;

/**
 * What the annual review report (sơ kết) of one agreement for one year says, built only
 * from the projection (never from the clock), so the same events always give the same
 * content, and the same bytes.
 *
 * @param agreementId the agreement
 * @param code its code
 * @param title its title
 * @param year the year reviewed
 * @param parties the parties' names and roles
 * @param resultsByArea completed activities of the year by area of cooperation
 * @param conferences what the year's completed conferences achieved
 * @param commitments each commitment with the year's progress
 * @param openCommitments commitments still open: the plan for the next period
 * @param plannedNext activities planned for the following year
 * @param planItems items the year's review meeting agreed on
 * @param nextReview who hosts the next review, and when
 */
public record AnnualReportContent(String agreementId, String code, LocalizedText title, int year,
		List<PartyLine> parties, Map<Area, List<ActivityLine>> resultsByArea, ConferenceTotals conferences,
		List<CommitmentLine> commitments, List<CommitmentLine> openCommitments, List<ActivityLine> plannedNext,
		List<String> planItems, ReviewLine nextReview) {

	static AnnualReportContent of(AgreementDashboard dashboard, Names names, int year) {
		AgreementSummary agreement = dashboard.agreement();
		List<ActivityEntry> activities = dashboard.activities()
			.values()
			.stream()
			.sorted(Comparator.comparing(ActivityEntry::startsAt).thenComparing(ActivityEntry::id))
			.toList();
		List<Commitment> commitments = agreement.commitments();
		Map<Area, List<ActivityLine>> byArea = new EnumMap<>(Area.class);
		List<ActivityEntry> completed = activities.stream()
			.filter((a) -> a.year() == year && a.status() == ActivityStatus.COMPLETED)
			.toList();
		for (ActivityEntry activity : completed) {
			byArea.computeIfAbsent(areaOf(activity, commitments), (area) -> new ArrayList<>())
				.add(ActivityLine.of(activity));
		}
		List<CommitmentLine> commitmentLines = commitments.stream()
			.map((c) -> CommitmentLine.of(c, CommitmentProgress.of(c, activities, year), year, names))
			.toList();
		List<CommitmentLine> open = commitmentLines.stream()
			.filter((c) -> c.status() == null || c.status() == CommitmentStatus.OPEN
					|| c.status() == CommitmentStatus.IN_PROGRESS)
			.toList();
		List<ActivityLine> plannedNext = activities.stream()
			.filter((a) -> a.year() == year + 1 && a.status() == ActivityStatus.PLANNED)
			.map(ActivityLine::of)
			.toList();
		List<String> planItems = completed.stream()
			.filter((a) -> a.type() == ActivityType.ANNUAL_REVIEW && a.outcomes() != null
					&& a.outcomes().planItems() != null)
			.flatMap((a) -> a.outcomes().planItems().stream())
			.toList();
		List<PartyLine> parties = agreement.parties()
			.stream()
			.map((p) -> new PartyLine(names.code(p.organizationId()), names.of(p.organizationId()), p.role().name()))
			.toList();
		return new AnnualReportContent(dashboard.agreementId(), agreement.code(), agreement.title(), year, parties,
				byArea, ConferenceTotals.of(completed), commitmentLines, open, plannedNext, planItems,
				ReviewLine.of(dashboard.review(), year, names));
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
	 * A commitment and its progress in the reviewed year.
	 *
	 * @param title what was committed
	 * @param area its area
	 * @param responsible who is responsible
	 * @param status its status
	 * @param perYear the yearly target, if any
	 * @param planned activities planned that year
	 * @param held activities held that year
	 * @param dueOn its deadline, if any
	 */
	public record CommitmentLine(LocalizedText title, Area area, LocalizedText responsible, CommitmentStatus status,
			Integer perYear, long planned, long held, LocalDate dueOn) {

		static CommitmentLine of(Commitment commitment, CommitmentProgress progress, int year, Names names) {
			CommitmentProgress.Year inYear = progress.in(year);
			return new CommitmentLine(commitment.title(), commitment.area(),
					names.of(commitment.responsibleOrganizationId()), commitment.status(), progress.perYear(),
					inYear.planned(), inYear.held(), commitment.dueOn());
		}

	}

	/**
	 * The review after the reviewed year's: its host and date when known.
	 *
	 * @param year the review's year
	 * @param dueOn its date, if planned
	 * @param hostCode the host's code
	 * @param host the host's name
	 */
	public record ReviewLine(int year, LocalDate dueOn, String hostCode, LocalizedText host) {

		static ReviewLine of(ReviewEntry review, int year, Names names) {
			if (review == null) {
				return null;
			}
			if (review.status() == ReviewCycleStatus.HELD && review.year() >= year) {
				String next = review.nextHostOrganizationId();
				return new ReviewLine(review.year() + 1, null, names.code(next), names.of(next));
			}
			String host = review.hostOrganizationId();
			return new ReviewLine(review.year(), review.dueOn(), names.code(host), names.of(host));
		}

	}

}
