package org.coophub.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.coophub.notification.MutableClock;
import org.coophub.notification.TestClockConfiguration;
import org.coophub.testsupport.MongoCommandCounts;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What waits for the {@code mail-dispatch} thread goes out together: one claim and one
 * SMTP connection for a batch, each notice still sent once however many instances
 * dispatch it. The notices are due days ahead, on the clock of dispatchers of the test's
 * own, so the service's own dispatcher leaves them alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class BatchedDispatchIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JavaMailSenderImpl smtp;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry registry;

	String run;

	DispatchFixture test;

	MutableClock ahead;

	@BeforeEach
	void setUp() {
		this.clock.set(TestClockConfiguration.START);
		this.ahead = new MutableClock(TestClockConfiguration.START.plus(Duration.ofDays(3)));
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.test = new DispatchFixture(this.context, this.run, "batched.example");
	}

	@Test
	void noticesPlannedWhileABatchIsOutGoOutTogetherWithOneClaimAndOneConnection() throws Exception {
		HeldMailer held = new HeldMailer(this.smtp, this.ahead);
		NotificationDispatcher dispatcher = instance(held);
		String first = plan("first");
		List<String> keys = new ArrayList<>();
		IntStream.range(0, NotificationDispatcher.SMTP_BATCH).forEach((i) -> keys.add(plan("waiting-" + i)));
		try {
			dispatcher.dispatchSoon(List.of(first));
			assertThat(held.sending.await(30, TimeUnit.SECONDS)).as("the first mail is being sent").isTrue();
			Map<String, Long> before = MongoCommandCounts.snapshot(this.registry);
			// as the consumer does under load: one call per notice planned
			keys.forEach((key) -> dispatcher.dispatchSoon(List.of(key)));
			held.release.countDown();

			await().until(() -> keys.stream().allMatch((key) -> this.test.status(key) == NotificationStatus.SENT));
			assertThat(held.batches).containsExactly(1, NotificationDispatcher.SMTP_BATCH);
			assertThat(MongoCommandCounts.since(this.registry, before).getOrDefault("findAndModify notifications", 0L))
				.as("one claim for the batch, not one per notice")
				.isLessThanOrEqualTo(1);
			assertThat(keys).allMatch((key) -> this.test.find(key).attempts() == 1);
			assertThat(this.test.mails()).hasSize(NotificationDispatcher.SMTP_BATCH + 1)
				.extracting(DispatchFixture::to)
				.doesNotHaveDuplicates();
		}
		finally {
			held.release.countDown();
			dispatcher.close();
		}
	}

	@Test
	void twoInstancesDispatchingTheSameNoticesSoonSendEachOnce() {
		NotificationDispatcher first = instance(this.test.mailer());
		NotificationDispatcher second = instance(this.test.mailer());
		List<String> keys = new ArrayList<>();
		IntStream.range(0, NotificationDispatcher.SMTP_BATCH * 2 + 3).forEach((i) -> keys.add(plan("race-" + i)));
		List<String> reversed = new ArrayList<>(keys);
		Collections.reverse(reversed);
		try {
			keys.forEach((key) -> first.dispatchSoon(List.of(key)));
			second.dispatchSoon(reversed);

			await().until(() -> keys.stream().allMatch((key) -> this.test.status(key) == NotificationStatus.SENT));
			assertThat(keys).allMatch((key) -> this.test.find(key).attempts() == 1);
			assertThat(this.test.mails()).hasSize(keys.size()).extracting(DispatchFixture::to).doesNotHaveDuplicates();
		}
		finally {
			first.close();
			second.close();
		}
	}

	@Test
	void sendsCutOffByACrashAreClaimedAgainTogetherOnceTheirLeaseLapsed() {
		List<String> keys = new ArrayList<>();
		IntStream.range(0, 3).forEach((i) -> keys.add(plan("crashed-" + i)));
		// what an instance killed between claiming and recording leaves behind, its
		// lease run out by the test's clock only
		this.mongo.updateMulti(Query.query(Criteria.where("_id").in(keys)),
				new Update().set("status", NotificationStatus.SENDING)
					.set("claimedUntil", this.ahead.instant().minusSeconds(1))
					.inc("lockVersion", 1),
				Notification.class);
		NotificationDispatcher survivor = instance(this.test.mailer());

		survivor.dispatchDue();

		await().until(() -> keys.stream().allMatch((key) -> this.test.status(key) == NotificationStatus.SENT));
		assertThat(keys).as("the cut-off attempt counts").allMatch((key) -> this.test.find(key).attempts() == 2);
		assertThat(this.test.mails()).hasSize(keys.size())
			.extracting(MimeMessage::getMessageID)
			.containsExactlyInAnyOrderElementsOf(keys.stream().map(SmtpMailer::messageId).toList());
	}

	/**
	 * A dispatcher of the test's whose lane is busy sending a first mail until released.
	 */
	private BusyLane busyLane() throws InterruptedException {
		HeldMailer held = new HeldMailer(this.smtp, this.ahead);
		BusyLane lane = new BusyLane(held, instance(held), plan("first"));
		lane.dispatcher().dispatchSoon(List.of(lane.first()));
		assertThat(held.sending.await(30, TimeUnit.SECONDS)).as("the first mail is being sent").isTrue();
		return lane;
	}

	private record BusyLane(HeldMailer held, NotificationDispatcher dispatcher, String first) implements AutoCloseable {

		void release() {
			this.held.release.countDown();
		}

		@Override
		public void close() {
			release();
			this.dispatcher.close();
		}

	}

	@Test
	void aHeldNoticeTakenFromTheLaneAfterHalfItsLeaseIsRenewedAndSentAtOnce() throws Exception {
		Notification notice = this.test.notice("stale", this.ahead.instant());
		try (BusyLane lane = busyLane()) {
			assertThat(lane.dispatcher().planAndSendSoon(notice)).isTrue();
			Instant leaseEnd = this.test.find(notice.id()).claimedUntil();
			// the notice waits behind the first mail while more than half its lease
			// passes
			this.ahead.advance(DispatchFixture.LEASE.dividedBy(2).plusSeconds(1));
			Map<String, Long> before = MongoCommandCounts.snapshot(this.registry);
			lane.release();

			// no poll runs: the service's own is on a clock days behind, the test's never
			await().until(() -> this.test.status(notice.id()) == NotificationStatus.SENT);
			Notification sent = this.test.find(notice.id());
			assertThat(sent.sentAt()).as("sent before the lease ran out").isBefore(leaseEnd);
			assertThat(sent.attempts()).as("the renewal counts no attempt").isEqualTo(1);
			assertThat(MongoCommandCounts.since(this.registry, before).getOrDefault("findAndModify notifications", 0L))
				.as("one renewal")
				.isEqualTo(1);
			assertThat(this.test.mails()).extracting(MimeMessage::getMessageID)
				.containsExactlyInAnyOrder(SmtpMailer.messageId(lane.first()), SmtpMailer.messageId(notice.id()));
		}
	}

	@Test
	void heldNoticesAnotherInstanceTookOverMeanwhileAreNotSentByTheLane() throws Exception {
		Notification stale = this.test.notice("stale", this.ahead.instant());
		Notification takenOver = this.test.notice("taken-over", this.ahead.instant());
		String after = plan("after");
		try (BusyLane lane = busyLane()) {
			assertThat(lane.dispatcher().planAllAndSendSoon(List.of(stale, takenOver))).isEqualTo(2);
			this.ahead.advance(DispatchFixture.LEASE.dividedBy(2).plusSeconds(1));
			// what another instance's claim of it writes (its lease thought run out)
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(takenOver.id())),
					new Update().set("claimedUntil", this.ahead.instant().plus(DispatchFixture.LEASE))
						.set(NotificationDispatcher.CLAIM, "another-instance")
						.inc("attempts", 1)
						.inc(NotificationDispatcher.LOCK_VERSION, 1),
					Notification.class);
			// handed over after the held ones: the lane sends it after them
			lane.dispatcher().dispatchSoon(List.of(after));
			lane.release();

			await().until(() -> this.test.status(after) == NotificationStatus.SENT);
			assertThat(this.test.status(stale.id())).as("renewed and sent").isEqualTo(NotificationStatus.SENT);
			Notification other = this.test.find(takenOver.id());
			assertThat(other.status()).as("still the other instance's").isEqualTo(NotificationStatus.SENDING);
			assertThat(other.attempts()).as("only the other instance's attempt").isEqualTo(1);
			assertThat(this.test.mails()).extracting(MimeMessage::getMessageID)
				.containsExactlyInAnyOrder(SmtpMailer.messageId(lane.first()), SmtpMailer.messageId(stale.id()),
						SmtpMailer.messageId(after));
		}
	}

	private NotificationDispatcher instance(SmtpMailer mail) {
		return this.test.dispatcher(mail, this.ahead, 5, DispatchFixture.LEASE);
	}

	/** Plans a test mail, due on the test dispatchers' clock only. */
	private String plan(String name) {
		return this.test.plan(name, this.ahead.instant());
	}

	/**
	 * The real mailer, holding its first batch until released and noting the size of each
	 * batch, one SMTP connection each.
	 */
	static final class HeldMailer extends SmtpMailer {

		final List<Integer> batches = new CopyOnWriteArrayList<>();

		final CountDownLatch sending = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		HeldMailer(JavaMailSenderImpl smtp, Clock clock) {
			super(smtp, "coophub@batched.example", clock);
		}

		@Override
		List<Exception> sendAll(List<MimeMessage> messages) {
			this.batches.add(messages.size());
			this.sending.countDown();
			try {
				if (!this.release.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("never released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			return super.sendAll(messages);
		}

	}

}
