package org.coophub.notification.notification;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NotificationController {

	private final NotificationLedger ledger;

	NotificationController(NotificationLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/api/v1/notifications")
	PagedModel<NotificationView> list(@RequestParam(required = false) String agreementId,
			@RequestParam(required = false) String recipient, Pageable pageable) {
		return new PagedModel<>(this.ledger.find(agreementId, recipient, pageable).map(NotificationView::of));
	}

}
