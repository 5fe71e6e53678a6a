package org.coophub.identity;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	/** The one source of time here (key ages and rotation), replaceable in tests. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
