package org.coophub.notification.notification;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coophub.platform.problem.ForbiddenException;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
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

	NotificationController(NotificationLedger ledger, RecipientVisibility visibility) {
		this.ledger = ledger;
		this.visibility = visibility;
	}

	@GetMapping("/api/v1/notifications")
	@Operation(summary = "The notification ledger",
			description = "Every notice, newest first, filtered by agreement, recipient, kind and status: recipient, "
					+ "template and version, language, subject, content hash, status (PLANNED, SENDING, SENT, FAILED, "
					+ "CANCELLED, SUPPRESSED), attempts, last error, late flag and reason (why a SUPPRESSED notice was"
					+ " not sent). An unknown kind is 400 naming kind.")
	PagedModel<NotificationView> list(@RequestParam(required = false) String agreementId,
			@RequestParam(required = false) String recipient, @RequestParam(required = false) NotificationKind kind,
			@RequestParam(required = false) NotificationStatus status, Pageable pageable) {
		var filter = new NotificationLedger.Filter(kind, agreementId, recipient, status, null, null);
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
					+ "organization is an accepted party of");
		}
		return new PagedModel<>(this.ledger.find(filter, pageable)
			.map(NotificationView::of)
			.map((view) -> RecipientVisibility.shown(view, visible)));
	}

}
