package org.coophub.notification.reminder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.coophub.notification.notification.RenderedMail;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReminderController {

	private final Reminders reminders;

	ReminderController(Reminders reminders) {
		this.reminders = reminders;
	}

	/**
	 * Renders a reminder of the agreement's upcoming review as it would be sent, without
	 * sending or storing anything.
	 */
	@PostMapping("/api/v1/reminders/preview")
	PreviewResponse preview(@Valid @RequestBody PreviewRequest request) {
		int offset = (request.offsetDays() != null) ? request.offsetDays() : 7;
		String language = (request.language() != null) ? request.language() : "vi";
		RenderedMail mail = this.reminders.preview(request.agreementId(), offset, language, request.recipient());
		return new PreviewResponse(mail.template(), mail.templateVersion(), mail.language(), mail.subject(),
				mail.text(), mail.html(), mail.calendar().content());
	}

	/**
	 * What to preview.
	 *
	 * @param agreementId the agreement
	 * @param offsetDays days before the review (a lead day), negative for an overdue
	 * reminder; 7 if absent
	 * @param language {@code vi} (the default) or {@code en}
	 * @param recipient a contact's address, to see their greeting and whether they host
	 */
	record PreviewRequest(@NotBlank String agreementId, Integer offsetDays,
			@Pattern(regexp = "vi|en", message = "must be vi or en") String language, String recipient) {
	}

	record PreviewResponse(String template, int templateVersion, String language, String subject, String text,
			String html, String calendar) {
	}

}
