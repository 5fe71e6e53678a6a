package org.coophub.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.coophub.events.agreement.Contact;
import org.coophub.notification.directory.AgreementParties;
import org.coophub.notification.directory.Directory;
import org.coophub.notification.directory.KnownAgreement;
import org.coophub.notification.directory.KnownOrganization;
import org.coophub.notification.notification.MailComposer;
import org.coophub.notification.notification.MailFormats;
import org.coophub.notification.notification.MailTemplates;
import org.coophub.notification.notification.Notification;
import org.coophub.notification.notification.NotificationLedger;
import org.coophub.notification.notification.Reminder;
import org.coophub.notification.notification.RenderedMail;
import org.coophub.notification.review.ReviewCycle;
import org.coophub.notification.review.ReviewSchedule;
import org.coophub.notification.review.ReviewScheduleChanged;
import org.coophub.notification.review.ReviewScheduler;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Plans the reminders of each agreement's upcoming review for every contact of every
 * party, and renders each one when it goes out.
 * <p>
 * Planning is idempotent: each reminder's send key names agreement, cycle, moment and
 * recipient, so planning again (a redelivered event, a second instance) adds nothing, and
 * what the schedule no longer calls for is cancelled. Moments already past when a
 * reminder is planned are skipped: a new agreement or contact gets no retroactive
 * reminders. Moments that pass while the service is down stay planned and go out late,
 * once.
 */
@Service
public class Reminders implements MailComposer {

	static final String VIEW = "review";

	/**
	 * Sent later than this after its moment, a reminder says it is late (as the ledger's
	 * {@code late} does).
	 */
	static final Duration LATE_AFTER = Duration.ofHours(1);

	private final ReviewScheduler scheduler;

	private final Directory directory;

	private final NotificationLedger ledger;

	private final ActivityLog activities;

	private final MailTemplates templates;

	private final Clock clock;

	private final String organizer;

	private final CalendarChanges calendarChanges;

	private final AgreementLocks locks;

	Reminders(ReviewScheduler scheduler, Directory directory, NotificationLedger ledger, ActivityLog activities,
			MailTemplates templates, Clock clock, @Value("${coophub.mail.from}") String from,
			CalendarChanges calendarChanges, AgreementLocks locks) {
		this.calendarChanges = calendarChanges;
		this.locks = locks;
		this.scheduler = scheduler;
		this.directory = directory;
		this.ledger = ledger;
		this.activities = activities;
		this.templates = templates;
		this.clock = clock;
		this.organizer = address(from);
	}

	/**
	 * Plans the reminders the agreement's schedule calls for and cancels the others,
	 * reading the schedule while holding the agreement's lock.
	 * @param agreementId the agreement
	 */
	public void replan(String agreementId) {
		replanAfter(agreementId, () -> this.scheduler.find(agreementId));
	}

	/**
	 * Changes an agreement's schedule and plans its reminders again, holding the
	 * agreement's lock throughout, so that the plan is made from the schedule the change
	 * left without reading it again: another change and its replanning in this JVM wait
	 * until both are done (docs/notifications.md, "Concurrency").
	 * @param agreementId the agreement
	 * @param change changes the schedule and answers it as stored, or nothing when there
	 * is nothing to plan again
	 */
	public void replanAfter(String agreementId, Supplier<Optional<ReviewSchedule>> change) {
		this.locks.holding(agreementId, () -> {
			change.get().ifPresent(this::plan);
			return null;
		});
	}

	/**
	 * Plans what the schedule calls for and cancels the PLANNED reminders it no longer
	 * calls for. Called holding the agreement's lock.
	 */
	private void plan(ReviewSchedule schedule) {
		if (schedule.knownSince() == null) {
			// never known ACTIVE (knownSince is never unset): nothing was ever planned,
			// nothing is to be planned or told, so not a command is sent
			return;
		}
		String agreementId = schedule.agreementId();
		Optional<ReviewCycle> cycle = schedule.upcoming().filter((c) -> !schedule.history(c));
		Optional<AgreementParties> parties = this.directory.withParties(agreementId);
		Instant now = this.clock.instant();
		Set<String> keep = new HashSet<>();
		List<Notification> reminders = new ArrayList<>();
		if (cycle.isPresent() && parties.isPresent()) {
			reminders = reminders(schedule, cycle.get(), parties.get(), keep, now);
		}
		// of those that exist, only cancelled ones change: planned again (a review moved
		// back to a date it had before)
		this.ledger.replanAll(this.ledger.planAll(reminders));
		if (!schedule.newlyActive()) {
			// what the agreement's first planning as ACTIVE leaves out: before it there
			// was no reminder to cancel, and no invitation sent to correct
			this.ledger.cancelRemindersExcept(agreementId, keep);
			parties.ifPresent((known) -> this.calendarChanges.tell(schedule, known.agreement(), now));
		}
	}

	/**
	 * The reminders of the current cycle for every contact of every party that accepted;
	 * every send key the schedule calls for goes into {@code keep}, planned or not.
	 */
	private List<Notification> reminders(ReviewSchedule schedule, ReviewCycle review, AgreementParties parties,
			Set<String> keep, Instant now) {
		String agreementId = schedule.agreementId();
		Instant knownSince = schedule.knownSince();
		List<ReminderPlan.Moment> moments = ReminderPlan.moments(review.dueOn(), schedule.zone(), schedule.leadDays());
		List<Notification> reminders = new ArrayList<>();
		// a party that has not accepted is never reminded (docs/notifications.md)
		for (String partyId : parties.agreement().acceptedPartyIds()) {
			Instant acceptedSince = parties.acceptedAt().get(partyId);
			List<Contact> contacts = parties.organization(partyId).map(KnownOrganization::recipients).orElse(List.of());
			for (Contact contact : contacts) {
				for (ReminderPlan.Moment moment : moments) {
					String email = contact.email().strip().toLowerCase(Locale.ROOT);
					String key = ReminderPlan.key(agreementId, review.year(), review.dueOn(), moment.offsetDays(),
							email);
					keep.add(key);
					// history is never reminded of; a moment that passed while planning
					// lagged behind the agreement's activation still goes out (late, see
					// compose); nor is what was due before the party accepted
					if (moment.dueAt().isBefore(knownSince)
							|| (acceptedSince != null && moment.dueAt().isBefore(acceptedSince))) {
						continue;
					}
					Reminder reminder = new Reminder(review.year(), review.dueOn(), moment.offsetDays(), partyId,
							language(contact));
					reminders.add(Notification.remind(key, agreementId, email, reminder, moment.dueAt(), now));
				}
			}
		}
		return reminders;
	}

	/**
	 * A party skipped or moved a cycle: plans what the schedule now calls for and tells
	 * those invited.
	 * @param change the change
	 */
	@EventListener
	void scheduleChanged(ReviewScheduleChanged change) {
		replan(change.agreementId());
	}

	/**
	 * Plans again the reminders of every agreement an organization is party to: its
	 * contacts changed.
	 * @param organizationId the organization
	 */
	public void replanOrganization(String organizationId) {
		this.directory.agreementsOf(organizationId).forEach(this::replan);
	}

	@Override
	public Optional<RenderedMail> compose(Notification notification) {
		Reminder reminder = notification.reminder();
		if (reminder == null) {
			return Optional.empty();
		}
		Optional<ReviewSchedule> schedule = this.scheduler.find(notification.agreementId());
		Optional<ReviewCycle> cycle = schedule.flatMap(ReviewSchedule::upcoming)
			.filter((c) -> c.year() == reminder.year() && c.dueOn().equals(reminder.dueOn()));
		Optional<KnownAgreement> agreement = this.directory.agreement(notification.agreementId());
		Optional<KnownOrganization> party = this.directory.organization(reminder.organizationId());
		Optional<Contact> contact = party.flatMap((p) -> p.recipient(notification.recipient()));
		// a party that no longer counts as accepted when it goes out is not reminded
		if (cycle.isEmpty() || agreement.isEmpty() || contact.isEmpty()
				|| !agreement.get().accepted(reminder.organizationId()) || schedule.get().history(cycle.get())
				|| superseded(schedule.get(), cycle.get(), reminder)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		LocalDate today = this.scheduler.today(schedule.get());
		int daysLeft = (int) ChronoUnit.DAYS.between(today, cycle.get().dueOn());
		LocalDate plannedFor = (notification.dueAt() != null
				&& now.isAfter(notification.dueAt().plus(Reminders.LATE_AFTER)))
						? LocalDate.ofInstant(notification.dueAt(), schedule.get().zone()) : null;
		return Optional
			.of(render(schedule.get(), cycle.get(), agreement.get(), party.get(), contact.get(), daysLeft, plannedFor));
	}

	/**
	 * Whether a later reminder of the same review is due as well: after downtime only the
	 * most recent one goes out, the older ones are cancelled.
	 */
	private boolean superseded(ReviewSchedule schedule, ReviewCycle cycle, Reminder reminder) {
		Instant now = this.clock.instant();
		return ReminderPlan.moments(cycle.dueOn(), schedule.zone(), schedule.leadDays())
			.stream()
			.filter((moment) -> !moment.dueAt().isAfter(now))
			.reduce((earlier, later) -> later)
			.filter((latest) -> latest.offsetDays() != reminder.offsetDays())
			.isPresent();
	}

	/**
	 * Renders the reminder of an agreement's upcoming review as a contact would receive
	 * it, without planning or sending anything.
	 * @param agreementId the agreement
	 * @param offsetDays the moment: a lead day, or negative for overdue
	 * @param language the language
	 * @param recipient a contact's address, or null for a neutral greeting as a
	 * non-hosting party
	 * @return the rendered mail
	 */
	RenderedMail preview(String agreementId, int offsetDays, String language, String recipient) {
		ReviewSchedule schedule = this.scheduler.schedule(agreementId);
		ReviewCycle cycle = schedule.upcoming()
			.orElseThrow(() -> new org.coophub.platform.problem.RuleViolationException("agreementId",
					"The agreement has no upcoming review", "notification.preview.no-upcoming-review"));
		KnownAgreement agreement = this.directory.agreement(agreementId)
			.orElseThrow(() -> new org.coophub.platform.problem.NotFoundException("Agreement", agreementId));
		// a party that has not accepted is not listed: its contacts are not the others'
		// to see
		for (String partyId : agreement.acceptedPartyIds()) {
			Optional<KnownOrganization> party = this.directory.organization(partyId);
			Optional<Contact> contact = (recipient != null) ? party.flatMap((p) -> p.recipient(recipient))
					: Optional.empty();
			if (contact.isPresent()) {
				Contact c = contact.get();
				Contact inLanguage = new Contact(c.name(), c.email(), c.phone(), c.department(), c.role(), language,
						true);
				return render(schedule, cycle, agreement, party.get(), inLanguage, offsetDays, null);
			}
		}
		if (recipient != null) {
			throw new org.coophub.platform.problem.RuleViolationException("recipient",
					"Not a contact of the agreement's parties who receives mail", "notification.preview.not-a-contact");
		}
		List<String> accepted = agreement.acceptedPartyIds();
		if (accepted.isEmpty()) {
			throw new org.coophub.platform.problem.RuleViolationException("agreementId",
					"No party of the agreement has accepted it yet", "notification.preview.no-accepted-party");
		}
		String partyId = accepted.stream()
			.filter((id) -> !id.equals(cycle.hostOrganizationId()))
			.findFirst()
			.orElse(accepted.get(0));
		KnownOrganization party = this.directory.organization(partyId)
			.orElseThrow(() -> new org.coophub.platform.problem.NotFoundException("Organization", partyId));
		Contact reader = new Contact("...", this.organizer, null, null, null, language, true);
		return render(schedule, cycle, agreement, party, reader, offsetDays, null);
	}

	/**
	 * Renders a reminder.
	 * @param daysLeft days from the day it is read to the review's date: negative when
	 * overdue, 0 on the day
	 * @param plannedFor the day it should have gone out, when it goes out late
	 */
	private RenderedMail render(ReviewSchedule schedule, ReviewCycle cycle, KnownAgreement agreement,
			KnownOrganization party, Contact contact, int daysLeft, LocalDate plannedFor) {
		String language = language(contact);
		LocalDate today = this.scheduler.today(schedule);
		LocalDate since = schedule.lastHeld()
			.map((held) -> (held.heldOn() != null) ? held.heldOn() : held.dueOn())
			.orElse(null);
		ReviewDigest digest = ReviewDigest.of(this.activities.completed(agreement.id(), since, today),
				agreement.openCommitments());
		String hostName = (cycle.hostOrganizationId() != null) ? this.directory.organization(cycle.hostOrganizationId())
			.map((host) -> host.name().in(language))
			.orElse(cycle.hostOrganizationId()) : null;
		boolean host = party.id().equals(cycle.hostOrganizationId());
		String template = (daysLeft < 0) ? "review-overdue" : "review-reminder";
		String dueDate = MailFormats.date(cycle.dueOn(), language);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("recipientName", contact.name());
		model.put("organizationName", party.name().in(language));
		model.put("agreementCode", agreement.code());
		model.put("agreementTitle", agreement.title().in(language));
		model.put("year", String.valueOf(cycle.year()));
		model.put("dueDate", dueDate);
		model.put("days", Math.abs(daysLeft));
		model.put("plannedFor", (plannedFor != null) ? MailFormats.date(plannedFor, language) : null);
		model.put("hostName", hostName);
		model.put("host", host);
		model.put("since", (since != null) ? MailFormats.date(since, language) : null);
		model.put("digest", digest.lines(language));
		List<String> commitments = new ArrayList<>();
		digest.openCommitments()
			.forEach((c) -> commitments.add(c.title().in(language)
					+ ((c.dueOn() != null) ? " (" + MailFormats.date(c.dueOn(), language) + ")" : "")));
		model.put("commitments", commitments);
		RenderedMail mail = this.templates.render(template, VIEW, language, model, agreement.code(),
				String.valueOf(cycle.year()), dueDate);
		String summary = this.templates.message("review.calendar.summary", language, agreement.code(),
				String.valueOf(cycle.year()), hostName);
		String ics = ReviewInvitation.write(agreement.id(), cycle.year(), cycle.sequence(), cycle.dueOn(), summary,
				agreement.title().in(language), this.organizer, contact.email(), this.clock.instant());
		return mail.withCalendar(
				new RenderedMail.MailAttachment("review-" + cycle.year() + ".ics", ReviewInvitation.CONTENT_TYPE, ics));
	}

	private static String language(Contact contact) {
		return "en".equals(contact.language()) ? "en" : "vi";
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
