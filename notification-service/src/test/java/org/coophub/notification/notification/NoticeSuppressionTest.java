package org.coophub.notification.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.zone.ProgramZone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeSuppressionTest {

	/** 10:00 in Ho Chi Minh City. */
	static final Instant RECORDED_AT = Instant.parse("2026-03-01T03:00:00Z");

	final NoticeSuppression suppression = new NoticeSuppression(Duration.ofDays(14),
			new ProgramZone(ZoneId.of("Asia/Ho_Chi_Minh")));

	@Test
	void yesterdaysConferenceIsNewsAndIsMailed() {
		assertThat(this.suppression.reason(activity(LocalDateTime.of(2026, 2, 28, 17, 0), "Asia/Ho_Chi_Minh", null),
				null, RECORDED_AT))
			.isEmpty();
	}

	@Test
	void anActivityThatEndedMoreThanTheWindowBeforeItWasRecordedIsHistory() {
		assertThat(this.suppression.reason(activity(LocalDateTime.of(2023, 2, 20, 17, 0), "Asia/Ho_Chi_Minh", null),
				null, RECORDED_AT))
			.hasValue("ended 2023-02-20, more than 14 days before it was recorded");
		assertThat(this.suppression.reason(activity(LocalDateTime.of(2026, 2, 16, 17, 0), "Asia/Ho_Chi_Minh", null),
				null, RECORDED_AT))
			.as("13 days before")
			.isEmpty();
	}

	@Test
	void theEndIsTheActivitysLocalTimeInItsZoneElseTheAgreementsAndTheStartWithoutAnEnd() {
		LocalDateTime end = LocalDateTime.of(2026, 2, 15, 9, 30);
		// 02:30 UTC in Ho Chi Minh City: 14 days and 30 minutes before it was recorded
		assertThat(this.suppression.reason(activity(end, "Asia/Ho_Chi_Minh", null), null, RECORDED_AT)).isPresent();
		assertThat(this.suppression.reason(activity(end, null, null), "Asia/Ho_Chi_Minh", RECORDED_AT)).isPresent();
		// 09:30 UTC in London: 6 hours within the window
		assertThat(this.suppression.reason(activity(end, "Europe/London", null), "Asia/Ho_Chi_Minh", RECORDED_AT))
			.isEmpty();
		ActivityState withoutEnd = new ActivityState("act-1", "agr-1", ActivityType.TRAINING,
				new LocalizedText("Tập huấn", null), end, null, "Asia/Ho_Chi_Minh", null, "org-hcm", List.of(),
				List.of(), ActivityStatus.COMPLETED, null);
		assertThat(this.suppression.reason(withoutEnd, null, RECORDED_AT)).isPresent();
	}

	@Test
	void theMomentItWasRecordedDecidesNotTheMomentItIsRead() {
		ActivityState conference = activity(LocalDateTime.of(2026, 2, 28, 17, 0), "Asia/Ho_Chi_Minh", null);

		assertThat(this.suppression.reason(conference, null, RECORDED_AT))
			.as("a replay years later decides as the first delivery did")
			.isEmpty();
		assertThat(this.suppression.reason(conference, null, RECORDED_AT.plus(Duration.ofDays(20)))).isPresent();
	}

	@Test
	void anActivityThatSaysSoIsNeverMailedAndAbsentMeansMailed() {
		LocalDateTime tomorrow = LocalDateTime.of(2026, 3, 2, 17, 0);

		assertThat(this.suppression.reason(activity(tomorrow, "Asia/Ho_Chi_Minh", false), null, RECORDED_AT))
			.hasValue("notifyPartners=false");
		assertThat(this.suppression.reason(activity(tomorrow, "Asia/Ho_Chi_Minh", true), null, RECORDED_AT)).isEmpty();
		assertThat(this.suppression.reason(activity(tomorrow, "Asia/Ho_Chi_Minh", null), null, RECORDED_AT)).isEmpty();
	}

	@Test
	void theReasonNamesTheConfiguredWindow() {
		NoticeSuppression month = new NoticeSuppression(Duration.ofDays(30),
				new ProgramZone(ZoneId.of("Asia/Ho_Chi_Minh")));

		assertThat(month.reason(activity(LocalDateTime.of(2026, 1, 20, 17, 0), "Asia/Ho_Chi_Minh", null), null,
				RECORDED_AT))
			.hasValue("ended 2026-01-20, more than 30 days before it was recorded");
	}

	static ActivityState activity(LocalDateTime end, String zone, Boolean notifyPartners) {
		return new ActivityState("act-1", "agr-1", ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new LocalizedText("Hội nghị xúc tiến đầu tư", null), end.minusHours(9), end, zone, null, "org-hcm",
				List.of("org-ld"), List.of(), ActivityStatus.COMPLETED, null, null, List.of(), notifyPartners);
	}

}
