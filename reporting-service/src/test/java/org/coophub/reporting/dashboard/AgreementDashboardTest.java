package org.coophub.reporting.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Commitment;
import org.coophub.events.agreement.CommitmentStatus;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.Target;
import org.coophub.events.common.LocalizedText;
import org.coophub.events.common.Money;
import org.coophub.events.notification.ReviewCycleStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementDashboardTest {

	private static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

	private static final Names NAMES = new Names(
			Map.of("hcm", new OrganizationName("hcm", "HEPZA", new LocalizedText("Ban Quản lý HEPZA", "HEPZA"), 1)));

	private final Map<String, ActivityEntry> activities = new HashMap<>();

	private final Map<String, NotificationEntry> notifications = new HashMap<>();

	private AgreementSummary agreement;

	private ReviewEntry review;

	static ActivityEntry conference(String id, long version, int investors, String capital, String currency) {
		return activity(id, version, 2012, ActivityStatus.COMPLETED, List.of(),
				new Outcomes(investors, 10, 3, 2, 1, new Money(new BigDecimal(capital), currency)));
	}

	static ActivityEntry activity(String id, long version, int year, ActivityStatus status, List<String> commitments,
			Outcomes outcomes) {
		ActivityState state = new ActivityState(id, "agr-1", ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư", "Investment conference"),
				LocalDateTime.of(year, 5, 20, 8, 0), LocalDateTime.of(year, 5, 20, 17, 0), "Asia/Ho_Chi_Minh", null,
				"hcm", List.of("ld"), commitments, status, outcomes);
		return ActivityEntry.of(state, version, Instant.parse(year + "-05-20T10:00:00Z"));
	}

	static AgreementSummary agreement(long version, CommitmentStatus status) {
		AgreementState state = new AgreementState("agr-1", "CTHT", new LocalizedText("Chương trình", "Program"),
				List.of(new Party("ld", PartyRole.LEAD), new Party("hcm", PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE,
				List.of(new Commitment("c-1", new LocalizedText("Hai hội nghị mỗi năm", "Two conferences a year"),
						Area.INVESTMENT_PROMOTION, "hcm", new Target("conferences", 2), null, status)),
				null);
		return AgreementSummary.of(state, version);
	}

	private void add(ActivityEntry activity) {
		this.activities.put(activity.id(), activity);
	}

	private AgreementDashboard dashboard() {
		return new AgreementDashboard("agr-1", this.agreement, this.review, this.activities, this.notifications);
	}

	private AgreementDashboardView view() {
		return AgreementDashboardView.of(dashboard(), TODAY, NAMES);
	}

	@Test
	void totalsAddUpPerCurrencyAndCountsGoByTypeAndYear() {
		add(conference("a1", 1, 100, "350000000000", "VND"));
		add(conference("a2", 1, 20, "5000000", "USD"));
		add(conference("a3", 1, 30, "1000000000", "VND"));
		AgreementDashboardView view = view();
		assertThat(view.conferenceTotals().conferences()).isEqualTo(3);
		assertThat(view.conferenceTotals().investorsAttending()).isEqualTo(150);
		assertThat(view.conferenceTotals().registeredCapital()).containsEntry("VND", new BigDecimal("351000000000"))
			.containsEntry("USD", new BigDecimal("5000000"));
		assertThat(view.activitiesByType()).containsEntry(ActivityType.INVESTMENT_PROMOTION_CONFERENCE, 3L);
		assertThat(view.activitiesByYear().get(2012)).containsEntry(ActivityType.INVESTMENT_PROMOTION_CONFERENCE, 3L);
		assertThat(view.conferenceTotalsByYear().get(2012).mousSigned()).isEqualTo(6);
	}

	@Test
	void aCommitmentComparesItsTargetWithThePlannedAndHeldActivitiesLinkedToIt() {
		this.agreement = agreement(1, CommitmentStatus.IN_PROGRESS);
		add(activity("a1", 1, 2025, ActivityStatus.COMPLETED, List.of("c-1"), null));
		add(activity("a2", 1, 2025, ActivityStatus.CANCELLED, List.of("c-1"), null));
		add(activity("a3", 1, 2025, ActivityStatus.COMPLETED, List.of(), null));
		add(activity("a4", 1, 2024, ActivityStatus.COMPLETED, List.of("c-1"), null));
		add(activity("a5", 1, 2024, ActivityStatus.COMPLETED, List.of("c-1"), null));

		CommitmentProgress progress = view().commitments().get(0);
		assertThat(progress.in(2025)).isEqualTo(new CommitmentProgress.Year(2025, 2, 1, 1));
		assertThat(progress.in(2024)).isEqualTo(new CommitmentProgress.Year(2024, 2, 2, 2));
		assertThat(progress.behindTarget()).isTrue();
		assertThat(PortfolioEntry.of(dashboard(), TODAY, NAMES).commitmentsBehindTarget()).isEqualTo(1);

		add(activity("a2", 2, 2025, ActivityStatus.PLANNED, List.of("c-1"), null));
		assertThat(view().commitments().get(0).in(2025)).isEqualTo(new CommitmentProgress.Year(2025, 2, 2, 1));
		assertThat(view().commitments().get(0).behindTarget()).isFalse();
	}

	@Test
	void theNextReviewNamesItsHostAndIsOverdueOnceItsDayPassedUnheld() {
		this.agreement = agreement(1, CommitmentStatus.OPEN);
		this.review = new ReviewEntry(2, 2025, LocalDate.of(2025, 11, 6), "hcm", ReviewCycleStatus.DUE, null, null);
		NextReview review = view().nextReview();
		assertThat(review.hostOrganizationId()).isEqualTo("hcm");
		assertThat(review.hostName().vi()).isEqualTo("Ban Quản lý HEPZA");
		assertThat(review.overdue()).isTrue();
		assertThat(PortfolioEntry.of(dashboard(), TODAY, NAMES).reviewOverdue()).isTrue();

		this.review = new ReviewEntry(3, 2025, LocalDate.of(2025, 11, 6), "hcm", ReviewCycleStatus.HELD,
				LocalDate.of(2025, 11, 7), "ld");
		review = view().nextReview();
		assertThat(review.overdue()).isFalse();
		assertThat(review.year()).isEqualTo(2026);
		assertThat(review.hostOrganizationId()).isEqualTo("ld");
	}

	@Test
	void theFeedShowsTheLatestChangesFirstCancelledOnesIncluded() {
		add(activity("old", 1, 2020, ActivityStatus.COMPLETED, List.of(), null));
		add(activity("new", 1, 2025, ActivityStatus.CANCELLED, List.of(), null));
		assertThat(view().recentActivities()).extracting(ActivityEntry::id).containsExactly("new", "old");
		assertThat(view().activityCount()).isEqualTo(1);
	}

	@Test
	void notificationsCountByTheirLastOutcomeLateOnesAsSentToo() {
		Instant at = Instant.parse("2025-11-01T00:00:00Z");
		this.notifications.put("n1", new NotificationEntry(2, "reminder", NotificationOutcome.SENT, at));
		this.notifications.put("n2", new NotificationEntry(1, "reminder", NotificationOutcome.LATE, at));
		this.notifications.put("n3", new NotificationEntry(1, "reminder", NotificationOutcome.FAILED, at));
		assertThat(view().notifications()).isEqualTo(new NotificationCounts(2, 1, 1));
	}

}
