package org.coophub.notification;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The one test configuration every {@code @SpringBootTest} of the module imports, so they
 * all share one application context: a clock the tests move, and the MongoDB commands
 * counted by thread.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(MongoCommandsByThread.class)
public class TestClockConfiguration {

	public static final Instant START = Instant.parse("2026-03-01T03:00:00Z");

	@Bean
	MutableClock clock() {
		return new MutableClock(START);
	}

}
