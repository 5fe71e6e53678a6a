package org.coophub.notification.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coophub.platform.problem.ForbiddenException;
import org.coophub.platform.web.FieldError;
import org.coophub.platform.web.ProblemMessages;
import org.coophub.platform.zone.ProgramZone;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications",
		description = "Sổ theo dõi thư: the ledger of every e-mail the program sends, planned, sent, failed or kept "
				+ "back")
class NotificationController {

	private final NotificationLedger ledger;

	private final RecipientVisibility visibility;

	private final ProgramZone programZone;

	private final ProblemMessages problems = new ProblemMessages();

	private final MessageSource messages;

	NotificationController(NotificationLedger ledger, RecipientVisibility visibility, ProgramZone programZone,
			MessageSource messages) {
		this.ledger = ledger;
		this.visibility = visibility;
		this.programZone = programZone;
		this.messages = messages;
	}

	/**
	 * The whole ledger, newest first; {@code from} and {@code to} are days of the
	 * program's zone, both included, bounding the moment a notice is (or was) due.
	 */
	@GetMapping("/api/v1/notifications")
	@Operation(summary = "The notification ledger",
			description = "Every notice, newest first, filtered by agreement, recipient, kind, status and the days it "
					+ "is due (from and to: ISO dates, e.g. 2026-11-06, days of the program's zone, both included; a to "
					+ "before from is 400 naming to): recipient, template and version, language, subject, content hash, "
					+ "status (PLANNED, SENDING, SENT, FAILED, CANCELLED, SUPPRESSED), attempts, last error, late flag "
					+ "and reason (why a SUPPRESSED notice was not sent). An unknown kind is 400 naming kind.")
	PagedModel<NotificationView> list(@RequestParam(required = false) String agreementId,
			@RequestParam(required = false) String recipient, @RequestParam(required = false) NotificationKind kind,
			@RequestParam(required = false) NotificationStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			Pageable pageable, Locale language) {
		if (from != null && to != null && to.isBefore(from)) {
			throw toBeforeFrom(from, language);
		}
		ZoneId zone = this.programZone.id();
		// "to" names the last day wanted: the window ends where the next day begins
		var filter = new NotificationLedger.Filter(kind, agreementId, recipient, status,
				(from != null) ? from.atStartOfDay(zone).toInstant() : null,
				(to != null) ? to.plusDays(1).atStartOfDay(zone).toInstant() : null);
		return page(filter, pageable);
	}

	/**
	 * Review reminders, planned and sent, in the order they are due; {@code from} and
	 * {@code to} bound the moment they are due.
	 */
	@GetMapping("/api/v1/reminders")
	@Operation(summary = "Review reminders",
			description = "Review reminders, planned and sent, in the order they are due; from and to (ISO instants, to "
					+ "exclusive) bound the moment they are due.")
	PagedModel<NotificationView> reminders(@RequestParam(required = false) String agreementId,
			@RequestParam(required = false) String recipient, @RequestParam(required = false) NotificationStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			Pageable pageable) {
		var filter = new NotificationLedger.Filter(NotificationKind.REVIEW_REMINDER, agreementId, recipient, status,
				from, to);
		return page(filter, pageable);
	}

	private PagedModel<NotificationView> page(NotificationLedger.Filter filter, Pageable pageable) {
		Optional<Set<String>> visible = this.visibility.agreementsVisibleToCurrentUser();
		if (filter.recipient() != null && visible.isPresent()
				&& (filter.agreementId() == null || !visible.get().contains(filter.agreementId()))) {
			// even with the address masked, the count of matches would tell whether
			// someone is mailed
			throw new ForbiddenException("Lọc theo người nhận chỉ dành cho các bên đã chấp thuận của thỏa thuận "
					+ "(agreementId) / Filtering by recipient needs the agreementId of an agreement your "
					+ "organization is an accepted party of", "notification.ledger.recipient-forbidden");
		}
		return new PagedModel<>(this.ledger.find(filter, pageable)
			.map(NotificationView::of)
			.map((view) -> RecipientVisibility.shown(view, visible)));
	}

	/**
	 * 400 naming {@code to}, in the reader's language (the locale follows
	 * {@code Accept-Language}, as every problem of the platform; the Vietnamese text is
	 * in the service's {@code messages_vi.properties}).
	 */
	private ErrorResponseException toBeforeFrom(LocalDate from, Locale language) {
		String english = "must not be before from (" + from + ")";
		String message = ProblemMessages.VIETNAMESE.equals(language) ? this.messages.getMessage(
				"notification.ledger.to-before-from", new Object[] { from.toString() }, english, language) : english;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.problems.text("coophub.problem.invalid.detail", language, "to"));
		problem.setTitle(this.problems.text("coophub.problem.invalid.title", language));
		problem.setProperty("errors", List.of(new FieldError("to", message)));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

}
