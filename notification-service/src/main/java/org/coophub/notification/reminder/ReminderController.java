package org.coophub.notification.reminder;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.coophub.notification.directory.Directory;
import org.coophub.notification.directory.KnownAgreement;
import org.coophub.notification.notification.RenderedMail;
import org.coophub.platform.problem.ForbiddenException;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;
import org.coophub.platform.security.Role;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reminders", description = "Nhắc lịch sơ kết: the review reminder as it would be sent")
class ReminderController {

	private final Reminders reminders;

	private final Directory directory;

	ReminderController(Reminders reminders, Directory directory) {
		this.reminders = reminders;
		this.directory = directory;
	}

	/**
	 * Renders a reminder of the agreement's upcoming review as it would be sent, without
	 * sending or storing anything. Naming a {@code recipient} tells whether an address is
	 * a contact who gets mail: only the EDITORs of the agreement's parties and the
	 * secretariat may (403 for anyone else, whatever the address).
	 */
	@PostMapping("/api/v1/reminders/preview")
	@Operation(summary = "Preview a review reminder",
			description = "Renders the reminder of the agreement's upcoming review as it would be sent (subject, text, "
					+ "html, calendar), storing and sending nothing: offsetDays 7 by default (negative: overdue), "
					+ "language vi (default) or en. Naming a recipient (a contact's address, to see their greeting and"
					+ " whether they host) is for an EDITOR of the agreement's parties or an ADMIN only (403). 422 "
					+ "when the agreement has no upcoming review or the recipient is not a contact of a party that "
					+ "accepted.")
	@ApiResponse(responseCode = "200", description = "The reminder as it would be sent", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404",
			description = "The agreement is not known here (yet): its events have not " + "arrived.")
	PreviewResponse preview(@Valid @RequestBody PreviewRequest request) {
		if (request.recipient() != null && !mayNameRecipients(request.agreementId())) {
			throw new ForbiddenException(
					"Only an EDITOR of the agreement's parties or the secretariat (ADMIN) may "
							+ "preview for a named recipient; leave recipient out to see the reminder as sent",
					"notification.preview.recipient-forbidden");
		}
		int offset = (request.offsetDays() != null) ? request.offsetDays() : 7;
		String language = (request.language() != null) ? request.language() : "vi";
		RenderedMail mail = this.reminders.preview(request.agreementId(), offset, language, request.recipient());
		return new PreviewResponse(mail.template(), mail.templateVersion(), mail.language(), mail.subject(),
				mail.text(), mail.html(), mail.calendar().content());
	}

	/**
	 * Whether the current user may name a recipient: the answer (a preview, or 422 "not a
	 * contact") would confirm whether an address is one of the parties' contacts.
	 */
	private boolean mayNameRecipients(String agreementId) {
		Optional<Actor> actor = Actors.current();
		if (actor.isEmpty() || actor.get().role() == Role.ADMIN) {
			return true;
		}
		String code = actor.get().organizationCode();
		if (actor.get().role() != Role.EDITOR || code == null) {
			return false;
		}
		// a party that has not accepted has no party rights yet
		List<String> parties = this.directory.agreement(agreementId)
			.map(KnownAgreement::acceptedPartyIds)
			.orElse(List.of());
		return this.directory.organizationIdOfCode(code).filter(parties::contains).isPresent();
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
			@Pattern(regexp = "vi|en", message = "{notification.preview.language}") String language, String recipient) {
	}

	record PreviewResponse(String template, int templateVersion, String language, String subject, String text,
			String html, String calendar) {
	}

}
