package org.coophub.reporting.calendar;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coophub.platform.web.FieldError;
import org.coophub.platform.web.ProblemMessages;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calendar",
		description = "Lịch: the activities and annual reviews of a window of days with their hosts, and iCalendar "
				+ "subscriptions (secret URLs) per organization or agreement")
@RequestMapping("/api/v1/calendar")
class CalendarController {

	/** The longest window a request may ask for: a year and a month around it. */
	static final int MAX_DAYS = 400;

	private final CalendarQueries queries;

	private final CalendarFeeds feeds;

	private final Clock clock;

	private final ProgramZone programZone;

	private final MessageSource messages;

	private final ProblemMessages problems = new ProblemMessages();

	CalendarController(CalendarQueries queries, CalendarFeeds feeds, Clock clock, ProgramZone programZone,
			MessageSource messages) {
		this.queries = queries;
		this.feeds = feeds;
		this.clock = clock;
		this.programZone = programZone;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "The calendar of a window of days",
			description = "Activities (title vi/en, type, status, start and end, host, agreement code) and annual reviews "
					+ "(all day, on the day held or else due) starting from `from` (included) to `to` (excluded), by "
					+ "start, each with its host's name. Without `from`, this month (program zone); without `to`, a "
					+ "month from `from`. At most 400 days; `to` after `from`: else 400 naming `to`. "
					+ "`organizationId`: what it hosts, takes part in or is party to; `agreementId`: one agreement.")
	CalendarWindow calendar(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String organizationId, @RequestParam(required = false) String agreementId) {
		if (from == null) {
			from = this.programZone.today(this.clock).withDayOfMonth(1);
		}
		if (to == null) {
			to = from.plusMonths(1);
		}
		if (!to.isAfter(from)) {
			throw badRequest("to", "must be after from", "reporting.calendar.to-not-after-from");
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
			throw badRequest("to", "must be at most " + MAX_DAYS + " days after from",
					"reporting.calendar.window-too-long", String.valueOf(MAX_DAYS));
		}
		return new CalendarWindow(from, to, this.queries.between(from, to,
				new CalendarScope(blankToNull(organizationId), blankToNull(agreementId))));
	}

	@PostMapping("/feeds")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Subscribe: a secret calendar URL",
			description = "Creates an iCalendar feed of one organization's (`organizationId`) or one agreement's "
					+ "(`agreementId`) calendar, exactly one of them (else 400 naming the field). An EDITOR of that "
					+ "organization, or of a party to that agreement, or an ADMIN (else 403; a VIEWER subscribes nothing); "
					+ "unknown ids: 422 naming the field. The answer's `url` "
					+ "(`/calendar/feeds/<secret>.ics`) is given this once: only a hash of its secret is stored.")
	ResponseEntity<FeedView> subscribe(@RequestBody FeedRequest request) {
		String organizationId = blankToNull(request.organizationId());
		String agreementId = blankToNull(request.agreementId());
		if (organizationId == null && agreementId == null) {
			throw badRequest("organizationId", "give organizationId or agreementId",
					"reporting.calendar.scope-missing");
		}
		if (organizationId != null && agreementId != null) {
			throw badRequest("agreementId", "give organizationId or agreementId, not both",
					"reporting.calendar.scope-both");
		}
		FeedView feed = this.feeds.create(organizationId, agreementId);
		return ResponseEntity.created(URI.create("/api/v1/calendar/feeds/" + feed.id())).body(feed);
	}

	@GetMapping("/feeds")
	@Operation(summary = "My calendar subscriptions",
			description = "The caller's feeds, newest first, without their URLs (their secrets are not stored).")
	List<FeedView> feeds() {
		return this.feeds.mine();
	}

	@DeleteMapping("/feeds/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a calendar subscription",
			description = "Its URL answers 404 from now on. Only the feed's owner, or an ADMIN; another's feed is 404.")
	void revoke(@PathVariable String id) {
		this.feeds.revoke(id);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * 400 naming the field, as every list's paging answers, in the reader's language (the
	 * request's locale follows {@code Accept-Language}): the English message, or for a
	 * Vietnamese reader the text under the key in the service's {@code messages} bundle.
	 */
	private ErrorResponseException badRequest(String field, String message, String key, Object... arguments) {
		Locale language = LocaleContextHolder.getLocale();
		String text = ProblemMessages.VIETNAMESE.equals(language)
				? this.messages.getMessage(key, (arguments.length > 0) ? arguments : null, message, language) : message;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.problems.text("coophub.problem.invalid.detail", language, field + " (" + text + ")"));
		problem.setTitle(this.problems.text("coophub.problem.invalid.title", language));
		problem.setProperty("errors", List.of(new FieldError(field, text)));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	/**
	 * What to subscribe to: exactly one of them.
	 *
	 * @param organizationId an organization
	 * @param agreementId an agreement
	 */
	record FeedRequest(String organizationId, String agreementId) {

	}

}
