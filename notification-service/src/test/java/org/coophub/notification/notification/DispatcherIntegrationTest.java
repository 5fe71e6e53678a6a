package org.coophub.notification.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.coophub.events.Topics;
import org.coophub.notification.MutableClock;
import org.coophub.notification.TestClockConfiguration;
import org.coophub.testsupport.ServiceClients;
import org.coophub.testsupport.TestInfrastructure;
import org.coophub.testsupport.TopicProbe;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sending: each notification claimed once however many instances dispatch, SMTP outages
 * retried with backoff, and given up with a notification.failed event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class DispatcherIntegrationTest {

	static final Duration LEASE = DispatchFixture.LEASE;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	SmtpMailer mailer;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry registry;

	@LocalServerPort
	int port;

	String run;

	DispatchFixture test;

	@BeforeEach
	void setUp() {
		this.clock.set(TestClockConfiguration.START);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.test = new DispatchFixture(this.context, this.run, "dispatch.example");
	}

	@Test
	void twoInstancesSendEachNotificationOnce() {
		// a second instance: its own dispatcher on the same MongoDB and SMTP server
		NotificationDispatcher first = instance(5);
		NotificationDispatcher second = instance(5);
		List<String> keys = new ArrayList<>();
		IntStream.range(0, 30).forEach((i) -> keys.add(plan("twice-" + i)));
		double sentBefore = sentOnTime();

		CompletableFuture<Void> a = CompletableFuture.runAsync(() -> first.dispatch(keys));
		List<String> reversed = new ArrayList<>(keys);
		Collections.reverse(reversed);
		CompletableFuture<Void> b = CompletableFuture.runAsync(() -> second.dispatch(reversed));
		CompletableFuture.allOf(a, b).join();
		first.dispatchDue();
		second.dispatchDue();

		await().until(() -> keys.stream().allMatch((key) -> this.test.status(key) == NotificationStatus.SENT));
		List<MimeMessage> mails = this.test.mails();
		assertThat(mails).hasSize(30);
		assertThat(mails).extracting(DispatchFixture::to).doesNotHaveDuplicates();
		assertThat(keys).allMatch((key) -> this.test.find(key).attempts() == 1);
		// counted once the mail is accepted, a moment after its status is saved; the
		// service's own dispatcher may send mail of other tests meanwhile, never fewer
		await().untilAsserted(() -> assertThat(sentOnTime() - sentBefore).isGreaterThanOrEqualTo(30));
	}

	@Test
	void aBatchGoesOutOverOneConnectionWithEachMailsOwnOutcome() throws Exception {
		String[] recipients = { "first-" + this.run + "@dispatch.example", "second-" + this.run + "@dispatch.example",
				"third-" + this.run + "@dispatch.example" };
		List<MimeMessage> messages = new ArrayList<>();
		for (String recipient : recipients) {
			messages.add(this.mailer.message(recipient, "batch:" + recipient,
					new RenderedMail("test", 1, "vi", "Lô thư " + recipient, "Nội dung", "<p>Nội dung</p>")));
		}
		// the server refuses the second (no recipient): the others still go out
		messages.get(1).setRecipients(jakarta.mail.Message.RecipientType.TO, (jakarta.mail.Address[]) null);

		List<Exception> outcomes = this.mailer.sendAll(messages);

		assertThat(outcomes).hasSize(3);
		assertThat(outcomes.get(0)).isNull();
		assertThat(outcomes.get(1)).isInstanceOf(jakarta.mail.MessagingException.class);
		assertThat(outcomes.get(2)).isNull();
		await().until(() -> this.test.mails().size() == 2);
		assertThat(this.test.mails()).extracting(DispatchFixture::to)
			.containsExactlyInAnyOrder(recipients[0], recipients[2]);
		assertThat(this.test.mails()).extracting(MimeMessage::getMessageID)
			.containsExactlyInAnyOrder(SmtpMailer.messageId("batch:" + recipients[0]),
					SmtpMailer.messageId("batch:" + recipients[2]));
	}

	@Test
	void aBatchForAServerThatIsDownFailsEveryMailWithOneConnectionAttempt() throws Exception {
		List<MimeMessage> messages = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			messages.add(this.mailer.message("down-" + i + "-" + this.run + "@dispatch.example", "down:" + i,
					new RenderedMail("test", 1, "vi", "Thử nghiệm", "Nội dung", "<p>Nội dung</p>")));
		}
		List<Exception> outcomes;
		TestInfrastructure.get().mail().stop();
		try {
			outcomes = this.mailer.sendAll(messages);
		}
		finally {
			TestInfrastructure.get().mail().start();
		}

		// the first failure ends the batch: the others are not tried against a dead
		// server
		assertThat(outcomes).hasSize(3).doesNotContainNull();
		assertThat(outcomes.get(1)).isSameAs(outcomes.get(0));
		assertThat(outcomes.get(2)).isSameAs(outcomes.get(0));
		assertThat(this.test.mails()).isEmpty();
	}

	@Test
	void moreNotificationsThanABatchAreEachSentOnce() {
		NotificationDispatcher dispatcher = instance(5);
		List<String> keys = new ArrayList<>();
		IntStream.range(0, NotificationDispatcher.SMTP_BATCH * 2 + 5).forEach((i) -> keys.add(plan("batched-" + i)));

		dispatcher.dispatch(keys);

		await().until(() -> keys.stream().allMatch((key) -> this.test.status(key) == NotificationStatus.SENT));
		assertThat(keys).allMatch((key) -> this.test.find(key).attempts() == 1);
		List<MimeMessage> mails = this.test.mails();
		assertThat(mails).hasSize(keys.size());
		assertThat(mails).extracting(DispatchFixture::to).doesNotHaveDuplicates();
	}

	@Test
	void anSmtpOutageIsRetriedWithBackoffAndSentOnceWhenTheServerIsBack() {
		TestInfrastructure.get().mail().stop();
		String key;
		try {
			key = plan("outage");
			await().until(() -> this.test.find(key).attempts() == 1);
			Notification failed = this.test.find(key);
			assertThat(failed.status()).isEqualTo(NotificationStatus.PLANNED);
			assertThat(failed.lastError()).isNotBlank();
		}
		finally {
			TestInfrastructure.get().mail().start();
		}
		// the backoff: nothing is tried again until the clock passes the next attempt
		this.clock.advance(Duration.ofMinutes(1));
		await().until(() -> this.test.status(key) == NotificationStatus.SENT);

		assertThat(this.test.find(key).attempts()).isEqualTo(2);
		assertThat(this.test.mails()).hasSize(1);
	}

	@Test
	void aNotificationThatKeepsFailingIsGivenUpWithAnEvent() {
		// its own clock a day ahead: the service's own dispatcher does not see the
		// notification due yet
		MutableClock tomorrow = new MutableClock(this.clock.instant().plus(Duration.ofDays(1)));
		NotificationDispatcher impatient = this.test.dispatcher(this.mailer, tomorrow, 1, LEASE);
		double failedBefore = failed();
		try (TopicProbe probe = TopicProbe.fromLatest(Topics.NOTIFICATION_EVENTS)) {
			TestInfrastructure.get().mail().stop();
			String key;
			try {
				key = this.test.plan("given-up", tomorrow.instant());
				impatient.dispatch(List.of(key));
			}
			finally {
				TestInfrastructure.get().mail().start();
			}
			assertThat(this.test.status(key)).isEqualTo(NotificationStatus.FAILED);
			var record = probe.awaitRecord((r) -> r.value().contains(key));
			assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("org.coophub.notification.failed.v1");
			assertThat(failed() - failedBefore).isEqualTo(1.0);
		}
	}

	@Test
	void aSendCutOffByACrashGoesOutOnceTheClaimLapsesWithTheSameMessageId() throws Exception {
		String key = this.test.plan("crashed", this.clock.instant().plus(Duration.ofDays(2)));
		// what an instance killed between claiming and recording the send leaves behind
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
				new Update().set("status", NotificationStatus.SENDING)
					.set("claimedUntil", this.clock.instant().plus(LEASE)),
				Notification.class);
		NotificationDispatcher survivor = instance(5);

		survivor.dispatchDue();
		assertThat(this.test.status(key)).as("still claimed by the instance that died")
			.isEqualTo(NotificationStatus.SENDING);

		this.clock.advance(LEASE.plusSeconds(1));
		survivor.dispatchDue();

		await().until(() -> this.test.status(key) == NotificationStatus.SENT);
		assertThat(this.test.find(key).attempts()).as("the cut-off attempt counts").isEqualTo(2);
		List<MimeMessage> mails = this.test.mails();
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getMessageID()).isEqualTo(SmtpMailer.messageId(key));
	}

	@Test
	void aNoticePlannedClaimedGoesOutOnceWithoutAClaimAndIsNotPlannedTwice() {
		NotificationDispatcher instance = instance(5);
		Notification notice = this.test.notice("held", this.clock.instant());

		assertThat(instance.planAndSendSoon(notice)).isTrue();

		await().until(() -> this.test.status(notice.id()) == NotificationStatus.SENT);
		assertThat(this.test.find(notice.id()).attempts()).isEqualTo(1);
		// the same notice again, as a redelivered event plans it: nothing new
		assertThat(instance.planAndSendSoon(this.test.notice("held", this.clock.instant()))).isFalse();
		instance.dispatchDue();
		assertThat(this.test.mails()).hasSize(1)
			.extracting(MimeMessage::getMessageID)
			.containsExactly(SmtpMailer.messageId(notice.id()));
		assertThat(this.test.find(notice.id()).attempts()).isEqualTo(1);
	}

	@Test
	void aNoticePlannedClaimedByAnInstanceThatDiedGoesOutOnceItsLeaseLapses() throws Exception {
		// an instance that dies right after inserting the notice: its lane never sends it
		NotificationDispatcher dying = instance(5);
		dying.close();
		Notification notice = this.test.notice("orphan", this.clock.instant());
		assertThat(dying.planAndSendSoon(notice)).isTrue();
		NotificationDispatcher survivor = instance(5);

		survivor.dispatchDue();
		assertThat(this.test.status(notice.id())).as("still claimed by the instance that died")
			.isEqualTo(NotificationStatus.SENDING);

		this.clock.advance(LEASE.plusSeconds(1));
		survivor.dispatchDue();

		await().until(() -> this.test.status(notice.id()) == NotificationStatus.SENT);
		List<MimeMessage> mails = this.test.mails();
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getMessageID()).isEqualTo(SmtpMailer.messageId(notice.id()));
	}

	@Test
	void aReminderPastItsMomentAndNotSentShowsInTheGauges() {
		// long before the other tests' mail, held by a live claim: nobody sends it
		// meanwhile
		Instant moment = Instant.parse("2001-11-05T01:00:00Z");
		MailMetrics then = new MailMetrics(new SimpleMeterRegistry(), this.mongo,
				new MutableClock(moment.plus(Duration.ofHours(2))));
		String key = "review:metrics-" + this.run;
		this.mongo.insert(
				new org.bson.Document("_id", key).append("kind", "review-reminder")
					.append("status", "SENDING")
					.append("dueAt", java.util.Date.from(moment))
					.append("claimedUntil", java.util.Date.from(Instant.parse("2999-01-01T00:00:00Z"))),
				"notifications");
		try {
			assertThat(then.unsentReminders()).isOne();
			assertThat(then.oldestUnsentReminder()).isEqualTo(Duration.ofHours(2));

			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), Update.update("status", "SENT"),
					"notifications");

			assertThat(then.unsentReminders()).isZero();
			assertThat(then.oldestUnsentReminder()).isZero();
		}
		finally {
			this.mongo.remove(Query.query(Criteria.where("_id").is(key)), "notifications");
		}
		assertThat(this.registry.get("coophub.reminders.unsent").gauge().value()).isNotNegative();
	}

	@Test
	void theMailMetricsAndTheConsumerLagAreOnThePrometheusEndpoint() {
		String key = plan("scraped");
		await().until(() -> this.test.status(key) == NotificationStatus.SENT);

		String metrics = ServiceClients.asAdmin(this.port)
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		// what compose/prometheus/rules/coophub.rules.yml reads
		assertThat(metrics)
			.containsPattern("(?m)^coophub_mail_sent_total\\{.*kind=\"annual-report\".*late=\"false\".*} [1-9]")
			.containsPattern("(?m)^coophub_reminders_unsent(\\{.*})? [0-9]")
			.containsPattern("(?m)^coophub_reminders_unsent_oldest_age_seconds(\\{.*})? [0-9]")
			.containsPattern(
					"(?m)^spring_cloud_stream_binder_kafka_offset\\{.*group=\"notification-service\".*topic=\"activity-events\".*} [0-9]");
	}

	private double sentOnTime() {
		Counter sent = this.registry.find("coophub.mail.sent").tags("kind", "annual-report", "late", "false").counter();
		return (sent != null) ? sent.count() : 0;
	}

	private double failed() {
		Counter failed = this.registry.find("coophub.mail.failed").tags("kind", "annual-report").counter();
		return (failed != null) ? failed.count() : 0;
	}

	private NotificationDispatcher instance(int maxAttempts) {
		return this.test.dispatcher(this.mailer, this.clock, maxAttempts, LEASE);
	}

	private String plan(String name) {
		return this.test.plan(name, this.clock.instant());
	}

}
