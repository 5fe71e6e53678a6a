package org.coophub.notification.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Activity notices for contacts who chose a daily digest: collected through the day and
 * sent as one mail per contact at 08:00 the next morning (digest time zone). The digest's
 * send key names the day and the recipient, so it goes out once however many instances
 * run.
 */
@Component
class DailyDigests {

	private static final Logger log = LoggerFactory.getLogger(DailyDigests.class);

	static final String TEMPLATE = NotificationKind.ACTIVITY_DIGEST.value();

	private final MongoTemplate mongo;

	private final MailTemplates templates;

	private final NotificationLedger ledger;

	private final NotificationDispatcher dispatcher;

	private final Clock clock;

	private final ZoneId zone;

	DailyDigests(MongoTemplate mongo, MailTemplates templates, NotificationLedger ledger,
			NotificationDispatcher dispatcher, Clock clock, @Value("${coophub.mail.digest-zone}") String zone) {
		this.mongo = mongo;
		this.templates = templates;
		this.ledger = ledger;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	void collect(String key, String recipient, String recipientName, String language, String organizationName,
			String template, String agreementId, Map<String, Object> item) {
		LocalDate day = LocalDate.now(this.clock.withZone(this.zone));
		try {
			this.mongo.insert(new DigestEntry(key, recipient, recipientName, language, organizationName, day, template,
					agreementId, item, false));
		}
		catch (DuplicateKeyException ex) {
			// the same event again: collected already
		}
	}

	@Scheduled(fixedDelayString = "${coophub.mail.dispatch-interval}")
	void sendDue() {
		try {
			send();
		}
		catch (RuntimeException ex) {
			log.warn("Sending daily digests failed, will retry: {}", ex.getMessage());
		}
	}

	/**
	 * Plans and sends the digests of the days that are over (from 08:00 the next day).
	 */
	void send() {
		ZonedDateTime now = this.clock.instant().atZone(this.zone);
		LocalDate lastDay = now.toLocalDate().minusDays(now.toLocalTime().isBefore(LocalTime.of(8, 0)) ? 2 : 1);
		List<DigestEntry> pending = this.mongo.find(Query.query(Criteria.where("digested").is(false)),
				DigestEntry.class);
		Map<String, List<DigestEntry>> byMail = pending.stream()
			.filter((entry) -> !entry.day().isAfter(lastDay))
			.sorted(Comparator.comparing(DigestEntry::id))
			.collect(Collectors.groupingBy((entry) -> entry.day() + ":" + entry.recipient(), LinkedHashMap::new,
					Collectors.toList()));
		List<String> planned = new ArrayList<>();
		byMail.forEach((dayAndRecipient, entries) -> {
			DigestEntry first = entries.get(0);
			String key = TEMPLATE + ":" + dayAndRecipient;
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("recipientName", first.recipientName());
			model.put("organizationName", first.organizationName());
			model.put("date", MailFormats.date(first.day(), first.language()));
			model.put("items", entries.stream().map(DigestEntry::item).toList());
			RenderedMail mail = this.templates.render(TEMPLATE, "digest", first.language(), model,
					MailFormats.date(first.day(), first.language()), entries.size());
			if (this.ledger.plan(Notification.plan(NotificationKind.ACTIVITY_DIGEST, key, first.agreementId(),
					first.recipient(), mail, this.clock.instant()))) {
				planned.add(key);
			}
			this.mongo.updateMulti(
					Query.query(Criteria.where("_id").in(entries.stream().map(DigestEntry::id).toList())),
					new Update().set("digested", true), DigestEntry.class);
		});
		this.dispatcher.dispatchSoon(planned);
	}

}
