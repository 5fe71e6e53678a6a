package org.coophub.benchmarks;

import java.util.List;

import org.coophub.benchmarks.LagMonitor.Tapped;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailLatencyTest {

	@Test
	void aMailIsTimedFromItsActivityEventToTheSentEventsTime() {
		long published = java.time.Instant.parse("2026-12-05T06:30:00.100Z").toEpochMilli();
		List<Tapped> activities = List.of(new Tapped(7, published, "act-1", "ev-1", "org.coophub.activity.recorded.v1",
				"2026-12-05T06:30:00.090Z"));
		List<Tapped> outcomes = List.of(
				new Tapped(3, published + 400, "activity-recorded:ev-1:vanphong@hcm.example", "n-1", MailLatency.SENT,
						"2026-12-05T06:30:00.350Z"),
				// another template, an unknown event and a failure are not mails of the
				// step
				new Tapped(4, published + 500, "review:agr-1:2027:x", "n-2", MailLatency.SENT,
						"2026-12-05T06:30:00.450Z"),
				new Tapped(5, published + 500, "activity-recorded:ev-9:a@b.example", "n-3", MailLatency.SENT,
						"2026-12-05T06:30:00.450Z"),
				new Tapped(6, published + 500, "activity-recorded:ev-1:b@hcm.example", "n-4",
						"org.coophub.notification.failed.v1", "2026-12-05T06:30:00.450Z"));

		assertThat(MailLatency.of(activities, outcomes)).containsExactly(250L);
	}

}
