package org.coophub.activity.activity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.coophub.events.activity.ActivityCancelled;
import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRescheduled;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityTest {

	static final LocalDateTime START = LocalDateTime.of(2026, 5, 20, 8, 0);

	static Activity planned() {
		return Activity.record(new ActivityDetails("agr-1", ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư", null), null, START, START.plusHours(9),
				"Asia/Ho_Chi_Minh", null, "org-hcm", List.of("org-ld"), List.of(), List.of(), ActivityStatus.PLANNED,
				null, null));
	}

	@Test
	void aPlannedActivityCompletesWithItsOutcomesAndANewVersion() {
		Activity activity = planned();
		Outcomes outcomes = new Outcomes(80, 20, 5, 2, 1, null);

		ActivityCompleted completed = (ActivityCompleted) activity.complete(outcomes, Instant.EPOCH);

		assertThat(completed.version()).isEqualTo(2);
		assertThat(completed.activity().status()).isEqualTo(ActivityStatus.COMPLETED);
		assertThat(completed.activity().outcomes()).isEqualTo(outcomes);
		assertThatThrownBy(() -> activity.cancel(Instant.EPOCH)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("COMPLETED");
	}

	@Test
	void aCancelledActivityCanNeitherCompleteNorChange() {
		Activity activity = planned();
		ActivityCancelled cancelled = (ActivityCancelled) activity.cancel(Instant.EPOCH);

		assertThat(cancelled.activity().status()).isEqualTo(ActivityStatus.CANCELLED);
		assertThatThrownBy(() -> activity.complete(null, Instant.EPOCH)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> activity.update(activity.details(), Instant.EPOCH))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aCancellationKeepsWhyAsWrittenAndABlankReasonAsNone() {
		Activity withReason = planned();
		Activity withoutReason = planned();

		withReason.cancel("  Không đủ đại biểu; dời sang năm sau\n", Instant.EPOCH);
		withoutReason.cancel(" ", Instant.EPOCH);

		assertThat(withReason.cancellationNote()).isEqualTo("Không đủ đại biểu; dời sang năm sau");
		assertThat(ActivityView.of(withReason).cancellationNote()).isEqualTo("Không đủ đại biểu; dời sang năm sau");
		assertThat(withoutReason.cancellationNote()).isNull();
		assertThat(planned().cancellationNote()).isNull();
	}

	@Test
	void reschedulingKeepsTheOldDatesInTheHistoryAndTheEvent() {
		Activity activity = planned();

		ActivityRescheduled moved = (ActivityRescheduled) activity.reschedule(START.plusDays(7),
				START.plusDays(7).plusHours(9), "Trùng lịch giao ban", Instant.EPOCH);

		assertThat(moved.previousStartsAt()).isEqualTo(START);
		assertThat(moved.activity().startsAt()).isEqualTo(START.plusDays(7));
		assertThat(activity.reschedules()).singleElement()
			.satisfies((r) -> assertThat(r.fromStartsAt()).isEqualTo(START))
			.satisfies((r) -> assertThat(r.note()).isEqualTo("Trùng lịch giao ban"));
	}

	@Test
	void partnersAreNotifiedUnlessTheActivitySaysOtherwiseAndEveryChangeKeepsIt() {
		assertThat(planned().state().notifyPartners()).as("absent means notified").isTrue();
		Activity history = Activity.record(planned().details().withNotifyPartners(false));
		assertThat(history.recorded(Instant.EPOCH).activity().notifyPartners()).isFalse();

		ActivityRescheduled moved = (ActivityRescheduled) history.reschedule(START.plusDays(1),
				START.plusDays(1).plusHours(9), null, Instant.EPOCH);
		ActivityCompleted completed = (ActivityCompleted) history.complete(null, Instant.EPOCH);

		assertThat(moved.activity().notifyPartners()).isFalse();
		assertThat(completed.activity().partnersNotified()).isFalse();
		ActivityChanges.Patch retitled = new ActivityChanges.Patch(null, "Đã sửa mô tả", null, null, null, null, null);
		assertThat(retitled.applyTo(history.details()).notifyPartners()).isFalse();
	}

	@Test
	void theEventCarriesDescriptionDepartmentsAndTheTypesOutcomes() {
		Activity activity = Activity.record(new ActivityDetails("agr-1", ActivityType.ANNUAL_REVIEW,
				new LocalizedText("Sơ kết Chương trình hợp tác năm 2012", "2012 review"), "Luân phiên chủ trì", START,
				START.plusHours(3), "Asia/Ho_Chi_Minh", null, "org-hcm", List.of("org-ld"),
				List.of("Phòng Quản lý Đầu tư"), List.of(), ActivityStatus.PLANNED, null, null));
		Outcomes review = new Outcomes(null, null, null, null, null, null, null, null, null,
				"https://example.org/bien-ban.pdf", List.of("Tổ chức hội nghị xúc tiến đầu tư"));

		ActivityCompleted completed = (ActivityCompleted) activity.complete(review, Instant.EPOCH);

		assertThat(completed.activity().description()).isEqualTo("Luân phiên chủ trì");
		assertThat(completed.activity().participatingDepartments()).containsExactly("Phòng Quản lý Đầu tư");
		assertThat(completed.activity().outcomes().planItems()).containsExactly("Tổ chức hội nghị xúc tiến đầu tư");
		assertThat(completed.activity().outcomes().minutesLink()).isEqualTo("https://example.org/bien-ban.pdf");
	}

	@Test
	void searchTokensAreKeptWithEveryChange() {
		Activity activity = planned();
		assertThat(activity.searchTokens()).contains("hoi", "nghi", "xuc", "tien", "dau", "tu", "ng", "xu");

		activity.complete(new Outcomes(80, 20, 5, 2, 1, null), Instant.EPOCH);
		assertThat(activity.searchTokens()).contains("hoi", "xuc");
		ActivityDetails d = activity.details();
		activity.update(new ActivityDetails(d.agreementId(), d.type(), new LocalizedText("Hội thảo Đà Lạt", "Da Lat"),
				"Mô tả", d.startsAt(), d.endsAt(), d.timeZone(), d.location(), d.hostOrganizationId(),
				d.participantOrganizationIds(), d.participatingDepartments(), d.commitmentIds(), d.status(),
				d.outcomes(), d.notifyPartners()), Instant.EPOCH);

		assertThat(activity.searchTokens()).contains("hoi", "thao", "da", "lat", "mo", "ta").doesNotContain("xuc");
		assertThat(activity.currentSearchTokens()).isEqualTo(activity.searchTokens());
	}

}
