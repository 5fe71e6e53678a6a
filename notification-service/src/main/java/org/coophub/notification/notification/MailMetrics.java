package org.coophub.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What operators watch of the mail (docs/operations.md, "Runbook"): mails sent (and
 * whether late), mails given up, and review reminders whose moment has passed without
 * them going out. The counters count this instance's sends, each kind's from zero at
 * start; the reminder gauges read the ledger, which all instances share, so they say the
 * same on every instance.
 */
@Component
public class MailMetrics {

	private static final List<NotificationStatus> UNSENT = List.of(NotificationStatus.PLANNED,
			NotificationStatus.SENDING);

	private final MeterRegistry registry;

	private final MongoTemplate mongo;

	private final Clock clock;

	MailMetrics(MeterRegistry registry, MongoTemplate mongo, Clock clock) {
		this.registry = registry;
		this.mongo = mongo;
		this.clock = clock;
		Gauge.builder("coophub.reminders.unsent", this, MailMetrics::unsentReminders)
			.description("Review reminders whose moment has passed and that have not gone out")
			.register(registry);
		Gauge.builder("coophub.reminders.unsent.oldest.age", this, (m) -> m.oldestUnsentReminder().toMillis() / 1000.0)
			.baseUnit("seconds")
			.description("How long past its moment the oldest review reminder not sent yet is")
			.register(registry);
		// every series at zero from the start: the dashboards and the alert on failed
		// mail
		// have one before the first mail of a kind goes (or fails)
		for (NotificationKind kind : NotificationKind.values()) {
			sentCounter(kind, false);
			sentCounter(kind, true);
			failedCounter(kind);
		}
	}

	void sent(Notification notification) {
		sentCounter(notification.kind(), notification.late()).increment();
	}

	void failed(Notification notification) {
		failedCounter(notification.kind()).increment();
	}

	private Counter sentCounter(NotificationKind kind, boolean late) {
		return Counter.builder("coophub.mail.sent")
			.tag("kind", kind.value())
			.tag("late", Boolean.toString(late))
			.description("Mails the SMTP server accepted; late: more than an hour after their moment")
			.register(this.registry);
	}

	private Counter failedCounter(NotificationKind kind) {
		return Counter.builder("coophub.mail.failed")
			.tag("kind", kind.value())
			.description("Mails given up after coophub.mail.max-attempts attempts (status FAILED)")
			.register(this.registry);
	}

	long unsentReminders() {
		return this.mongo.count(Query.query(unsentReminderCriteria()), Notification.class);
	}

	Duration oldestUnsentReminder() {
		Query oldest = Query.query(unsentReminderCriteria()).with(Sort.by("dueAt")).limit(1);
		oldest.fields().include("dueAt");
		Notification first = this.mongo.findOne(oldest, Notification.class);
		if (first == null || first.dueAt() == null) {
			return Duration.ZERO;
		}
		return Duration.between(first.dueAt(), this.clock.instant());
	}

	private Criteria unsentReminderCriteria() {
		Instant now = this.clock.instant();
		return Criteria.where("kind")
			.is(NotificationKind.REVIEW_REMINDER)
			.and(Notification.STATUS)
			.in(UNSENT)
			.and("dueAt")
			.lte(now);
	}

}
