package org.coophub.notification.reminder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.coophub.events.agreement.Contact;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.notification.directory.Directory;
import org.coophub.notification.directory.KnownAgreement;
import org.coophub.notification.notification.MailFormats;
import org.coophub.notification.notification.MailTemplates;
import org.coophub.notification.notification.Notification;
import org.coophub.notification.notification.NotificationKind;
import org.coophub.notification.notification.NotificationLedger;
import org.coophub.notification.notification.Reminder;
import org.coophub.notification.notification.RenderedMail;
import org.coophub.notification.review.ReviewCycle;
import org.coophub.notification.review.ReviewSchedule;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the calendars of those already invited to a review right: whoever received a
 * reminder (and so its invitation) of a cycle that was then skipped or cancelled gets an
 * iCalendar CANCEL, and of a cycle that moved an updated invitation at once, not only
 * with the next reminder, which may be weeks away. Both carry the invitation's UID and
 * the cycle's sequence, higher than any invitation sent; the send key names that
 * sequence, so each change is told once.
 */
@Component
class CalendarChanges {

	static final String VIEW = "review-change";

	static final String CANCEL = NotificationKind.REVIEW_CANCEL.value();

	static final String UPDATE = NotificationKind.REVIEW_UPDATE.value();

	private final Directory directory;

	private final NotificationLedger ledger;

	private final MailTemplates templates;

	private final String organizer;

	CalendarChanges(Directory directory, NotificationLedger ledger, MailTemplates templates,
			@Value("${coophub.mail.from}") String from) {
		this.directory = directory;
		this.ledger = ledger;
		this.templates = templates;
		this.organizer = address(from);
	}

	/**
	 * Tells those invited what changed since their invitation.
	 * @param schedule the agreement's schedule
	 * @param agreement the agreement
	 * @param now the current instant
	 */
	void tell(ReviewSchedule schedule, KnownAgreement agreement, Instant now) {
		for (ReviewCycle cycle : schedule.cycles()) {
			boolean called = cycle.status() == ReviewCycleStatus.SKIPPED
					|| cycle.status() == ReviewCycleStatus.CANCELLED;
			boolean current = cycle.status() == ReviewCycleStatus.UPCOMING;
			if ((!called && !current) || schedule.history(cycle)) {
				continue;
			}
			Map<String, Reminder> invited = new LinkedHashMap<>();
			for (Notification sent : this.ledger.sentReminders(agreement.id(), cycle.year())) {
				invited.merge(sent.recipient(), sent.reminder(),
						(first, second) -> second.dueOn().equals(cycle.dueOn()) ? second : first);
			}
			invited.forEach((email, reminder) -> {
				if (!agreement.accepted(reminder.organizationId())) {
					// a party that no longer counts as accepted is mailed nothing
					return;
				}
				if (called) {
					plan(CANCEL, schedule, cycle, agreement, email, reminder, now);
				}
				else if (!reminder.dueOn().equals(cycle.dueOn())) {
					plan(UPDATE, schedule, cycle, agreement, email, reminder, now);
				}
			});
		}
	}

	private void plan(String kind, ReviewSchedule schedule, ReviewCycle cycle, KnownAgreement agreement, String email,
			Reminder reminder, Instant now) {
		String key = kind + ":" + agreement.id() + ":" + cycle.year() + ":" + cycle.sequence() + ":"
				+ email.toLowerCase(Locale.ROOT);
		Optional<Contact> contact = this.directory.organization(reminder.organizationId())
			.flatMap((party) -> party.recipient(email));
		String language = "en".equals(contact.map(Contact::language).orElse(reminder.language())) ? "en" : "vi";
		String name = contact.map(Contact::name).orElse(email);
		String organizationName = this.directory.organization(reminder.organizationId())
			.map((party) -> party.name().in(language))
			.orElse(reminder.organizationId());
		String hostName = (cycle.hostOrganizationId() != null) ? this.directory.organization(cycle.hostOrganizationId())
			.map((host) -> host.name().in(language))
			.orElse(cycle.hostOrganizationId()) : null;
		boolean cancel = CANCEL.equals(kind);
		// a cancellation names the date the recipient's calendar has
		String dueDate = MailFormats.date(cancel ? reminder.dueOn() : cycle.dueOn(), language);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("recipientName", name);
		model.put("organizationName", organizationName);
		model.put("agreementTitle", agreement.title().in(language));
		model.put("year", String.valueOf(cycle.year()));
		model.put("dueDate", dueDate);
		model.put("note", cycle.note());
		RenderedMail mail = this.templates.render(kind, VIEW, language, model, agreement.code(),
				String.valueOf(cycle.year()), dueDate);
		String summary = this.templates.message("review.calendar.summary", language, agreement.code(),
				String.valueOf(cycle.year()), hostName);
		String ics = cancel
				? ReviewInvitation.cancel(agreement.id(), cycle.year(), cycle.sequence(), reminder.dueOn(), summary,
						agreement.title().in(language), this.organizer, email, now)
				: ReviewInvitation.write(agreement.id(), cycle.year(), cycle.sequence(), cycle.dueOn(), summary,
						agreement.title().in(language), this.organizer, email, now);
		String type = cancel ? ReviewInvitation.CANCEL_CONTENT_TYPE : ReviewInvitation.CONTENT_TYPE;
		this.ledger.plan(Notification.plan(NotificationKind.of(kind), key, agreement.id(), email,
				mail.withCalendar(new RenderedMail.MailAttachment("review-" + cycle.year() + ".ics", type, ics)), now));
	}

	private static String address(String from) {
		try {
			return new InternetAddress(from).getAddress();
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("coophub.mail.from is not an address: " + from, ex);
		}
	}

}
