package org.coophub.reporting.calendar;

import java.util.List;

import org.coophub.platform.security.ApiSecurityConfiguration.OpenPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feeds ({@code /calendar/feeds/<secret>.ics}) are served without a token: calendar
 * apps cannot sign in, and the secret in the URL is the permission
 * ({@link CalendarFeeds}). Everything else of the calendar stays with the platform's API
 * security (reading: any role; creating or revoking a subscription: EDITOR or ADMIN).
 */
@Configuration(proxyBeanMethods = false)
class CalendarSecurityConfiguration {

	static final String FEEDS = CalendarFeeds.PATH + "**";

	@Bean
	OpenPaths openCalendarFeeds() {
		return new OpenPaths(List.of(FEEDS));
	}

}
