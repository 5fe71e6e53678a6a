package org.coophub.notification.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.coophub.events.activity.ActivityCancelled;
import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityRescheduled;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.Contact;
import org.coophub.notification.directory.AgreementParties;
import org.coophub.notification.directory.Directory;
import org.coophub.notification.directory.KnownAgreement;
import org.coophub.notification.directory.KnownOrganization;
import org.coophub.platform.messaging.NotArrivedYetException;

import org.springframework.stereotype.Service;

/**
 * Tells the other parties' contacts what a partner recorded, completed, rescheduled or
 * cancelled. One ledger entry per event and recipient, so a redelivered event plans
 * nothing new. History entered after the fact ({@link NoticeSuppression}) is written to
 * the ledger as SUPPRESSED under the same keys instead of being mailed.
 */
@Service
public class ActivityNotices {

	static final String VIEW = "activity";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Directory directory;

	private final MailTemplates templates;

	private final NotificationLedger ledger;

	private final NotificationDispatcher dispatcher;

	private final Clock clock;

	private final DailyDigests digests;

	private final NoticeSuppression suppression;

	private final NoticePlans atOnce;

	ActivityNotices(Directory directory, MailTemplates templates, NotificationLedger ledger,
			NotificationDispatcher dispatcher, Clock clock, DailyDigests digests, NoticeSuppression suppression) {
		this.digests = digests;
		this.directory = directory;
		this.templates = templates;
		this.ledger = ledger;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.suppression = suppression;
		this.atOnce = new AtOnce();
	}

	/**
	 * @return the notices of one event planned as it is handled: outside a poll (a parked
	 * event routed again)
	 */
	public NoticePlans atOnce() {
		return this.atOnce;
	}

	/**
	 * @param agreementIds the agreements of a poll's activity events (their Kafka keys),
	 * whose parties are read now, in one command
	 * @return where the poll's notices wait until it is written
	 */
	public NoticeBatch batch(Collection<String> agreementIds) {
		return new NoticeBatch(agreementIds, this.directory, this.ledger, this.dispatcher);
	}

	public void recorded(ActivityRecorded event, NoticePlans plans) {
		tellOtherParties(plans, new Occasion(NotificationKind.ACTIVITY_RECORDED, event.eventId(), event.occurredAt(),
				event.activity(), null));
	}

	public void completed(ActivityCompleted event, NoticePlans plans) {
		tellOtherParties(plans, new Occasion(NotificationKind.ACTIVITY_COMPLETED, event.eventId(), event.occurredAt(),
				event.activity(), null));
	}

	/**
	 * Tells the partners of a planned activity that it moved, with the old and the new
	 * dates.
	 * @param event the rescheduling
	 * @param plans where its notices go
	 */
	public void rescheduled(ActivityRescheduled event, NoticePlans plans) {
		tellOtherParties(plans, new Occasion(NotificationKind.ACTIVITY_RESCHEDULED, event.eventId(), event.occurredAt(),
				event.activity(), event.previousStartsAt()));
	}

	/**
	 * Tells the partners of a planned activity that it will not take place.
	 * @param event the cancellation
	 * @param plans where its notices go
	 */
	public void cancelled(ActivityCancelled event, NoticePlans plans) {
		tellOtherParties(plans, new Occasion(NotificationKind.ACTIVITY_CANCELLED, event.eventId(), event.occurredAt(),
				event.activity(), null));
	}

	private void tellOtherParties(NoticePlans plans, Occasion occasion) {
		ActivityState activity = occasion.activity();
		// the agreement, its parties' organizations and acceptances in one read (one for
		// the whole poll)
		AgreementParties parties = plans.parties(activity.agreementId())
			.orElseThrow(() -> new NotArrivedYetException("agreement " + activity.agreementId()));
		KnownAgreement agreement = parties.agreement();
		KnownOrganization host = organization(parties, activity.hostOrganizationId());
		List<KnownOrganization> others = new ArrayList<>();
		// only parties that accepted, and not of what happened before they did
		for (String partyId : agreement.acceptedPartyIds()) {
			if (!partyId.equals(activity.hostOrganizationId()) && parties.toldOf(partyId, occasion.recordedAt())) {
				others.add(organization(parties, partyId));
			}
		}
		Optional<String> suppressed = this.suppression.reason(activity, agreement.timeZone(), occasion.recordedAt());
		if (suppressed.isPresent()) {
			keepUnsent(plans, occasion, agreement, host, others, suppressed.get());
			return;
		}
		// digest entries first: once a single notice is out, the event's digest entries
		// are in (a poll's notices are planned after all its records were handled)
		for (KnownOrganization party : others) {
			for (Contact contact : party.recipients()) {
				if (contact.dailyDigest()) {
					Map<String, Object> item = model(occasion, agreement, host, party, contact);
					item.put("template", occasion.template());
					this.digests.collect(occasion.key(contact), contact.email().strip().toLowerCase(Locale.ROOT),
							contact.name(), contact.language(), party.name().in(contact.language()),
							occasion.template(), agreement.id(), item);
				}
			}
		}
		// each notice inserted claimed by this instance and sent from memory: no claim
		// of its own; one that exists already (a redelivered event) is not sent again
		for (KnownOrganization party : others) {
			for (Contact contact : party.recipients()) {
				if (contact.dailyDigest()) {
					continue;
				}
				RenderedMail mail = render(occasion, agreement, host, party, contact);
				plans.sendSoon(Notification.plan(occasion.kind(), occasion.key(contact), agreement.id(),
						contact.email(), mail, this.clock.instant()));
			}
		}
	}

	/**
	 * Writes what would have been mailed as SUPPRESSED, one entry per recipient under the
	 * key of the single notice; contacts who take a digest get the same entry, and
	 * nothing goes into their digest.
	 */
	private void keepUnsent(NoticePlans plans, Occasion occasion, KnownAgreement agreement, KnownOrganization host,
			List<KnownOrganization> others, String reason) {
		for (KnownOrganization party : others) {
			for (Contact contact : party.recipients()) {
				RenderedMail mail = render(occasion, agreement, host, party, contact);
				plans.keepUnsent(Notification.suppressed(occasion.kind(), occasion.key(contact), agreement.id(),
						contact.email(), mail, reason, this.clock.instant()));
			}
		}
	}

	private RenderedMail render(Occasion occasion, KnownAgreement agreement, KnownOrganization host,
			KnownOrganization party, Contact contact) {
		return this.templates.render(occasion.template(), VIEW, contact.language(),
				model(occasion, agreement, host, party, contact), agreement.code(),
				occasion.activity().title().in(contact.language()));
	}

	/**
	 * An organization the agreement names, as read with it; one it does not name (a host
	 * of an activity recorded before the rules asked for a party) is read on its own.
	 */
	private KnownOrganization organization(AgreementParties parties, String id) {
		return parties.organization(id)
			.or(() -> this.directory.organization(id))
			.orElseThrow(() -> new NotArrivedYetException("organization " + id));
	}

	private static Map<String, Object> model(Occasion occasion, KnownAgreement agreement, KnownOrganization host,
			KnownOrganization party, Contact contact) {
		ActivityState activity = occasion.activity();
		String language = contact.language();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("recipientName", contact.name());
		model.put("organizationName", party.name().in(language));
		model.put("agreementCode", agreement.code());
		model.put("agreementTitle", agreement.title().in(language));
		model.put("activityTitle", activity.title().in(language));
		model.put("activityType", activity.type().name());
		LocalDateTime previous = occasion.previousStartsAt();
		boolean sameDay = previous != null && previous.toLocalDate().equals(activity.startsAt().toLocalDate());
		model.put("date", when(activity.startsAt(), sameDay, language));
		// only a rescheduling has one; always present, so the templates can ask for it
		model.put("previousDate", (previous != null) ? when(previous, sameDay, language) : null);
		model.put("venue", (activity.location() != null) ? activity.location().venue() : null);
		model.put("province", (activity.location() != null) ? activity.location().province() : null);
		model.put("hostName", host.name().in(language));
		model.put("status", activity.status().name());
		model.put("outcomes", outcomes(activity.outcomes(), language));
		return model;
	}

	/**
	 * The day; with the time too when a rescheduling kept the day, or the old and the new
	 * date would read the same.
	 */
	private static String when(LocalDateTime at, boolean withTime, String language) {
		String day = MailFormats.date(at.toLocalDate(), language);
		return withTime ? day + " " + TIME.format(at) : day;
	}

	private static Map<String, String> outcomes(Outcomes outcomes, String language) {
		Map<String, String> lines = new LinkedHashMap<>();
		if (outcomes == null) {
			return lines;
		}
		putIfPresent(lines, "investorsAttending", outcomes.investorsAttending());
		putIfPresent(lines, "enterprisesAttending", outcomes.enterprisesAttending());
		putIfPresent(lines, "investmentLeads", outcomes.investmentLeads());
		putIfPresent(lines, "mousSigned", outcomes.mousSigned());
		putIfPresent(lines, "projectsRegistered", outcomes.projectsRegistered());
		if (outcomes.registeredCapital() != null) {
			lines.put("registeredCapital", MailFormats.money(outcomes.registeredCapital(), language));
		}
		return lines;
	}

	private static void putIfPresent(Map<String, String> lines, String key, Integer value) {
		if (value != null) {
			lines.put(key, String.valueOf(value));
		}
	}

	/**
	 * One event's notices planned as it is handled.
	 */
	private final class AtOnce implements NoticePlans {

		@Override
		public Optional<AgreementParties> parties(String agreementId) {
			return ActivityNotices.this.directory.withParties(agreementId);
		}

		@Override
		public void sendSoon(Notification notice) {
			ActivityNotices.this.dispatcher.planAndSendSoon(notice);
		}

		@Override
		public void keepUnsent(Notification notice) {
			ActivityNotices.this.ledger.plan(notice);
		}

	}

	/**
	 * What happened to an activity, as one event told it.
	 *
	 * @param kind the notice: recorded, completed, rescheduled or cancelled
	 * @param eventId the event, which keys the notices
	 * @param recordedAt when it was recorded (the event's {@code occurredAt})
	 * @param activity the activity as it now stands
	 * @param previousStartsAt the start before a rescheduling, else null
	 */
	private record Occasion(NotificationKind kind, String eventId, Instant recordedAt, ActivityState activity,
			LocalDateTime previousStartsAt) {

		/** The mail's template, named as the kind. */
		String template() {
			return this.kind.value();
		}

		/** The send key: what, for which event, to whom. */
		String key(Contact contact) {
			return template() + ":" + this.eventId + ":" + contact.email();
		}

	}

}
