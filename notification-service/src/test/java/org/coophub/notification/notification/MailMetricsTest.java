package org.coophub.notification.notification;

import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail counters exist at zero for every kind from the start, so the dashboards and
 * the failed-mail alert have a series before the first mail goes or fails.
 */
class MailMetricsTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void everyKindHasItsSentAndFailedCountersAtZeroFromTheStart() {
		// the gauges read the ledger only when scraped: no MongoDB needed to build it
		new MailMetrics(this.registry, null, Clock.systemUTC());

		for (NotificationKind kind : NotificationKind.values()) {
			assertThat(this.registry.get("coophub.mail.failed").tag("kind", kind.value()).counter().count())
				.as("failed %s", kind)
				.isZero();
			for (String late : new String[] { "false", "true" }) {
				assertThat(this.registry.get("coophub.mail.sent")
					.tag("kind", kind.value())
					.tag("late", late)
					.counter()
					.count()).as("sent %s late=%s", kind, late).isZero();
			}
		}
	}

}
