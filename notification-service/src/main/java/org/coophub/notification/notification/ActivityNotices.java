package org.coophub.notification.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coophub.events.activity.ActivityCompleted;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.Contact;
import org.coophub.notification.directory.Directory;
import org.coophub.notification.directory.KnownAgreement;
import org.coophub.notification.directory.KnownOrganization;
import org.coophub.platform.messaging.NotArrivedYetException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Tells the other parties' contacts what a partner recorded. One ledger entry per event
 * and recipient, so a redelivered event plans nothing new.
 */
@Service
public class ActivityNotices {

	static final String RECORDED = "activity-recorded";

	static final String COMPLETED = "activity-completed";

	static final String VIEW = "activity";

	private final Directory directory;

	private final MailTemplates templates;

	private final MongoTemplate mongo;

	private final NotificationDispatcher dispatcher;

	private final Clock clock;

	private final DailyDigests digests;

	ActivityNotices(Directory directory, MailTemplates templates, MongoTemplate mongo,
			NotificationDispatcher dispatcher, Clock clock, DailyDigests digests) {
		this.digests = digests;
		this.directory = directory;
		this.templates = templates;
		this.mongo = mongo;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	public void recorded(ActivityRecorded event) {
		tellOtherParties(RECORDED, event.eventId(), event.activity());
	}

	public void completed(ActivityCompleted event) {
		tellOtherParties(COMPLETED, event.eventId(), event.activity());
	}

	private void tellOtherParties(String template, String eventId, ActivityState activity) {
		KnownAgreement agreement = this.directory.agreement(activity.agreementId())
			.orElseThrow(() -> new NotArrivedYetException("agreement " + activity.agreementId()));
		KnownOrganization host = organization(activity.hostOrganizationId());
		List<KnownOrganization> others = new ArrayList<>();
		for (String partyId : agreement.partyIds()) {
			if (!partyId.equals(activity.hostOrganizationId())) {
				others.add(organization(partyId));
			}
		}
		// digest entries first: once a single notice is out, the event's digest entries
		// are in
		for (KnownOrganization party : others) {
			for (Contact contact : party.recipients()) {
				if (contact.dailyDigest()) {
					Map<String, Object> item = model(activity, agreement, host, party, contact);
					item.put("template", template);
					this.digests.collect(key(template, eventId, contact),
							contact.email().strip().toLowerCase(Locale.ROOT), contact.name(), contact.language(),
							party.name().in(contact.language()), template, agreement.id(), item);
				}
			}
		}
		List<String> planned = new ArrayList<>();
		for (KnownOrganization party : others) {
			for (Contact contact : party.recipients()) {
				if (contact.dailyDigest()) {
					continue;
				}
				String key = key(template, eventId, contact);
				RenderedMail mail = this.templates.render(template, VIEW, contact.language(),
						model(activity, agreement, host, party, contact), agreement.code(),
						activity.title().in(contact.language()));
				if (insert(Notification.plan(key, agreement.id(), contact.email(), mail, this.clock.instant()))) {
					planned.add(key);
				}
			}
		}
		this.dispatcher.dispatchSoon(planned);
	}

	private static String key(String template, String eventId, Contact contact) {
		return template + ":" + eventId + ":" + contact.email();
	}

	private KnownOrganization organization(String id) {
		return this.directory.organization(id).orElseThrow(() -> new NotArrivedYetException("organization " + id));
	}

	private boolean insert(Notification notification) {
		try {
			this.mongo.insert(notification);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private static Map<String, Object> model(ActivityState activity, KnownAgreement agreement, KnownOrganization host,
			KnownOrganization party, Contact contact) {
		String language = contact.language();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("recipientName", contact.name());
		model.put("organizationName", party.name().in(language));
		model.put("agreementCode", agreement.code());
		model.put("agreementTitle", agreement.title().in(language));
		model.put("activityTitle", activity.title().in(language));
		model.put("activityType", activity.type().name());
		model.put("date", MailFormats.date(activity.startsAt().toLocalDate(), language));
		model.put("venue", (activity.location() != null) ? activity.location().venue() : null);
		model.put("province", (activity.location() != null) ? activity.location().province() : null);
		model.put("hostName", host.name().in(language));
		model.put("status", activity.status().name());
		model.put("outcomes", outcomes(activity.outcomes(), language));
		return model;
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

}
