package org.coophub.reporting.calendar;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A calendar feed by its secret URL, for calendar apps, which cannot sign in: no token,
 * the secret is the permission ({@link CalendarFeeds}). A secret of no feed, or of a
 * revoked one, answers 404. Not in the OpenAPI document, whose operations all take a
 * token (docs/calendar.md).
 */
@Hidden
@RestController
class FeedController {

	private final CalendarFeeds feeds;

	FeedController(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping(CalendarFeeds.PATH + "{secret}.ics")
	ResponseEntity<String> feed(@PathVariable String secret) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(IcsFeed.CONTENT_TYPE))
			// the URL is a secret: no shared cache keeps it, and apps ask again
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"coophub.ics\"")
			.body(this.feeds.ics(secret));
	}

}
