package org.coophub.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPlanTest {

	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Test
	void leadDaysGoOutAt8InTheAgreementsZoneThenOverdueAfter1And7Days() {
		List<ReminderPlan.Moment> moments = ReminderPlan.moments(LocalDate.of(2026, 11, 6), HCM, List.of(1, 30, 7));

		assertThat(moments).extracting(ReminderPlan.Moment::offsetDays).containsExactly(30, 7, 1, -1, -7);
		assertThat(moments).extracting(ReminderPlan.Moment::dueAt)
			.containsExactly(Instant.parse("2026-10-07T01:00:00Z"), Instant.parse("2026-10-30T01:00:00Z"),
					Instant.parse("2026-11-05T01:00:00Z"), Instant.parse("2026-11-07T01:00:00Z"),
					Instant.parse("2026-11-13T01:00:00Z"));
	}

	@Test
	void leadDaysCrossMonthAndYearEnds() {
		assertThat(ReminderPlan.moments(LocalDate.of(2027, 1, 5), HCM, List.of(7, 30)))
			.extracting(ReminderPlan.Moment::dueAt)
			.startsWith(Instant.parse("2026-12-06T01:00:00Z"), Instant.parse("2026-12-29T01:00:00Z"));
		assertThat(ReminderPlan.moments(LocalDate.of(2026, 12, 31), HCM, List.of(1)))
			.extracting(ReminderPlan.Moment::dueAt)
			.containsExactly(Instant.parse("2026-12-30T01:00:00Z"), Instant.parse("2027-01-01T01:00:00Z"),
					Instant.parse("2027-01-07T01:00:00Z"));
		// a review on 1 January is reminded on New Year's Eve, 08:00 local = 01:00 UTC
		assertThat(ReminderPlan.moments(LocalDate.of(2027, 1, 1), HCM, List.of(1)).get(0).dueAt())
			.isEqualTo(Instant.parse("2026-12-31T01:00:00Z"));
	}

	@Test
	void leadDaysAroundThe29thOfFebruary() {
		// leap year: the day before 1 March is 29 February
		assertThat(ReminderPlan.moments(LocalDate.of(2028, 3, 1), HCM, List.of(1)).get(0).dueAt())
			.isEqualTo(Instant.parse("2028-02-29T01:00:00Z"));
		// and not in a common year
		assertThat(ReminderPlan.moments(LocalDate.of(2027, 3, 1), HCM, List.of(1)).get(0).dueAt())
			.isEqualTo(Instant.parse("2027-02-28T01:00:00Z"));
		// a review on 29 February: 30 days before, and overdue on 1 and 7 March
		assertThat(ReminderPlan.moments(LocalDate.of(2028, 2, 29), HCM, List.of(30)))
			.extracting(ReminderPlan.Moment::dueAt)
			.containsExactly(Instant.parse("2028-01-30T01:00:00Z"), Instant.parse("2028-03-01T01:00:00Z"),
					Instant.parse("2028-03-07T01:00:00Z"));
	}

	@Test
	void theAgreementsZoneDecidesNotTheServers() {
		TimeZone server = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
			assertThat(ReminderPlan.moments(LocalDate.of(2026, 11, 6), HCM, List.of(7)).get(0).dueAt())
				.isEqualTo(Instant.parse("2026-10-30T01:00:00Z"));
			// a partner in Berlin: 08:00 is 06:00 UTC in summer time and 07:00 UTC in
			// winter
			ZoneId berlin = ZoneId.of("Europe/Berlin");
			assertThat(ReminderPlan.moments(LocalDate.of(2026, 10, 28), berlin, List.of(7, 1)))
				.extracting(ReminderPlan.Moment::dueAt)
				.startsWith(Instant.parse("2026-10-21T06:00:00Z"), Instant.parse("2026-10-27T07:00:00Z"));
		}
		finally {
			TimeZone.setDefault(server);
		}
	}

	@Test
	void sendKeysNameAgreementCycleMomentAndRecipient() {
		String key = ReminderPlan.key("agr-1", 2026, LocalDate.of(2026, 11, 6), 7, " XucTien@LD.example ");
		assertThat(key).isEqualTo("review:agr-1:2026:2026-11-06:lead7:xuctien@ld.example");
		assertThat(ReminderPlan.key("agr-1", 2026, LocalDate.of(2026, 11, 6), -1, "a@b")).endsWith(":overdue1:a@b");
		assertThat(ReminderPlan.key("agr-1", 2026, LocalDate.of(2026, 11, 20), 7, "a@b"))
			.isNotEqualTo(ReminderPlan.key("agr-1", 2026, LocalDate.of(2026, 11, 6), 7, "a@b"));
	}

}
