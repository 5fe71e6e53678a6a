package org.coophub.platform.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adjustable clock and its endpoint exist only when asked for.
 */
class AdjustableClockConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AdjustableClockConfiguration.class));

	@Test
	void offByDefault() {
		this.context.run((started) -> assertThat(started).doesNotHaveBean(AdjustableClock.class)
			.doesNotHaveBean(ClockEndpoint.class));
	}

	@Test
	void offWhenSetFalse() {
		this.context.withPropertyValues("coophub.clock.adjustable=false")
			.run((started) -> assertThat(started).doesNotHaveBean(Clock.class).doesNotHaveBean(ClockEndpoint.class));
	}

	@Test
	void theServicesClockWhenAdjustable() {
		this.context.withPropertyValues("coophub.clock.adjustable=true").run((started) -> {
			assertThat(started).getBean(Clock.class).isInstanceOf(AdjustableClock.class);
			assertThat(started).hasSingleBean(ClockEndpoint.class);
		});
	}

	@Test
	void aClockTheApplicationDefinesWins() {
		Clock fixed = Clock.fixed(Instant.parse("2026-12-04T03:00:00Z"), ZoneOffset.UTC);
		this.context.withPropertyValues("coophub.clock.adjustable=true")
			.withBean(Clock.class, () -> fixed)
			.run((started) -> assertThat(started).getBean(Clock.class)
				.isSameAs(fixed)
				.satisfies((clock) -> assertThat(started).doesNotHaveBean(ClockEndpoint.class)));
	}

}
