package org.coophub.platform.clock;

import java.time.Clock;

import org.coophub.platform.config.PlatformAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With {@code coophub.clock.adjustable=true} (test and demo only; false by default), the
 * service's {@link Clock} is an {@link AdjustableClock} that {@code /actuator/clock}
 * moves forward. Token expiry is not affected: Spring Security checks it against the
 * machine's time, not this bean.
 */
@AutoConfiguration(before = PlatformAutoConfiguration.class)
@ConditionalOnBooleanProperty("coophub.clock.adjustable")
public class AdjustableClockConfiguration {

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	AdjustableClock adjustableClock() {
		return new AdjustableClock();
	}

	@Bean
	@ConditionalOnBean(AdjustableClock.class)
	ClockEndpoint clockEndpoint(AdjustableClock clock) {
		return new ClockEndpoint(clock);
	}

}
