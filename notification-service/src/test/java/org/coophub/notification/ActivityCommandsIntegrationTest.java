package org.coophub.notification;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.coophub.events.EventTypes;
import org.coophub.events.activity.ActivityRecorded;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.activity.Outcomes;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.testsupport.MongoCommandCounts;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one recorded activity costs notification-service in MongoDB commands, from the
 * event to the notice mailed to the other party's contact and its outcome published
 * (issue 17: a bounded number per event, however much is stored), so that a change adding
 * a command fails the build. The same context as
 * {@link ActivityNotificationIntegrationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class ActivityCommandsIntegrationTest {

	/**
	 * The activity logged for review digests; the agreement read with its parties'
	 * organizations and acceptances (one aggregation); the notice inserted already
	 * claimed by the instance that sends it, recorded as sent and its event removed from
	 * the outbox once published. Before issue 17: 9 (the agreement, each organization and
	 * the acceptances read one by one); 6 while the notice was inserted PLANNED and
	 * claimed with a {@code findAndModify} of its own.
	 */
	static final long RECORDED = 5;

	/** Activities in one poll of the batch binding. */
	static final int POLL = 10;

	/**
	 * What a poll of activity.recorded costs on the consumer's thread, however many it
	 * holds: the parties of its agreements read at once, the activities logged with one
	 * bulk write, the notices inserted claimed with one bulk insert. Their outcomes are
	 * saved on the dispatcher's thread, one each.
	 */
	static final Map<String, Long> POLLED = Map.of("aggregate known_agreements", 1L, "update reminder_activities", 1L,
			"insert notifications", 1L);

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry registry;

	@Autowired
	MongoCommandsByThread commands;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("activityEvents")
	Consumer<Message<List<byte[]>>> activityEvents;

	PartiesFixture test;

	String agreementId;

	@BeforeEach
	void setUp() {
		this.test = PartiesFixture.start(this.context);
		this.agreementId = "agr-" + this.test.run();
		this.test.registerParties();
		this.test.publish(
				new AgreementCreated(UUID.randomUUID().toString(), this.test.now(), this.agreementId, 2, agreement()));
		// the first notice also waits for the directory to know everyone
		this.test.publish(recorded(0));
		await().until(() -> mailsToLd() == 1);
	}

	@Test
	void aRecordedActivityCostsABoundedNumberOfCommandsUntilItsNoticeIsMailed() {
		List<Map<String, Long>> measured = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			int mails = i + 1;
			Map<String, Long> before = MongoCommandCounts.snapshot(this.registry);
			this.test.publish(recorded(i));
			measured.add(MongoCommandCounts.settled(this.registry, before, ActivityCommandsIntegrationTest::polled,
					() -> mailsToLd() == mails));
		}
		Map<String, Long> cost = MongoCommandCounts.cheapest(measured);
		System.out.println("MongoDB commands of one activity.recorded in notification-service: " + cost);

		assertThat(MongoCommandCounts.total(cost)).as("commands of activity.recorded: %s", cost)
			.isLessThanOrEqualTo(RECORDED);
		assertThat(cost).as("no claim of its own").doesNotContainKey("findAndModify notifications");
		assertThat(mailsToLd()).isEqualTo(4);
		assertThat(this.test.mailsTo("vanphong")).as("the host is not told of its own activity").isZero();
	}

	@Test
	void aPollOfActivitiesCostsOneCommandPerCollectionAndMailsEachNoticeOnce() {
		List<ActivityRecorded> poll = new ArrayList<>();
		for (int i = 1; i <= POLL; i++) {
			poll.add(recorded(this.agreementId, "poll-" + i));
		}

		Map<String, Long> commands = onThisThread(() -> this.activityEvents.accept(poll(poll)));
		System.out.println("MongoDB commands of a poll of " + POLL + " activity.recorded: " + commands);

		assertThat(commands).as("one command per collection for the whole poll").isEqualTo(POLLED);
		for (ActivityRecorded event : poll) {
			await().until(() -> mailsOf(event) == 1);
			assertThat(this.test.mongo().findById(event.activityId(), Document.class, "reminder_activities"))
				.as("logged for the review digests")
				.isNotNull();
		}

		// the same poll again, as after a rebalance: nothing planned, nothing sent again
		assertThat(onThisThread(() -> this.activityEvents.accept(poll(poll)))).isEqualTo(POLLED);
		ActivityRecorded after = recorded(this.agreementId, "after");
		this.activityEvents.accept(poll(List.of(after)));
		// the mail lane sends in order: once the later notice is out, a second copy
		// queued before it would be out too
		await().until(() -> mailsOf(after) == 1);
		for (ActivityRecorded event : poll) {
			assertThat(mailsOf(event)).as("each notice mailed once: %s", event.eventId()).isOne();
		}
		assertThat(mailsToLd()).isEqualTo(1 + POLL + 1);
	}

	@Test
	void aPollWithAnActivityOfAnAgreementNotKnownYetParksItAndAppliesTheOthers() {
		String unknownId = "agr-later-" + this.test.run();
		ActivityRecorded before = recorded(this.agreementId, "before");
		ActivityRecorded early = recorded(unknownId, "early");
		ActivityRecorded after = recorded(this.agreementId, "after");

		this.activityEvents.accept(poll(List.of(before, early, after)));

		assertThat(this.test.mongo().findById(early.eventId(), Document.class, "parkedEvents")).as("parked")
			.isNotNull();
		assertThat(this.test.mongo().findById(early.activityId(), Document.class, "reminder_activities"))
			.as("nothing of the parked record written with the poll")
			.isNull();
		for (ActivityRecorded applied : List.of(before, after)) {
			assertThat(this.test.mongo().findById(applied.activityId(), Document.class, "reminder_activities"))
				.as("the records before and after it written")
				.isNotNull();
			await().until(() -> mailsOf(applied) == 1);
		}

		// its agreement arrives: the parked record goes through on its next attempt
		this.test.publish(new AgreementCreated(UUID.randomUUID().toString(), this.test.now(), unknownId, 2,
				agreement(unknownId)));
		await().until(() -> this.test.mongo().findById(unknownId, Document.class, "known_agreements") != null);
		this.test.clock().set(TestClockConfiguration.START.plusSeconds(5));
		await().until(() -> mailsOf(early) == 1);
		await().until(() -> this.test.mongo().findById(early.eventId(), Document.class, "parkedEvents") == null);
		assertThat(this.test.mongo().findById(early.activityId(), Document.class, "reminder_activities")).isNotNull();
		assertThat(mailsOf(before)).isOne();
		assertThat(mailsOf(after)).isOne();
	}

	/** The commands the work sends from this thread. */
	private Map<String, Long> onThisThread(Runnable work) {
		String thread = Thread.currentThread().getName();
		Map<String, Long> before = this.commands.snapshot(thread::equals);
		work.run();
		Map<String, Long> cost = new TreeMap<>(this.commands.snapshot(thread::equals));
		before.forEach((key, count) -> cost.computeIfPresent(key, (k, now) -> (now - count == 0) ? null : now - count));
		return cost;
	}

	/**
	 * A poll as the binder hands it to the batch binding: the records' payloads, each
	 * one's converted headers and the Kafka keys (the agreement).
	 */
	private Message<List<byte[]>> poll(List<ActivityRecorded> events) {
		List<byte[]> payloads = new ArrayList<>();
		List<Map<String, Object>> headers = new ArrayList<>();
		List<byte[]> keys = new ArrayList<>();
		for (ActivityRecorded event : events) {
			payloads.add(this.json.writeValueAsBytes(event));
			headers.add(Map.of("ce_type", EventTypes.typeOf(ActivityRecorded.class).getBytes(StandardCharsets.UTF_8)));
			keys.add(event.partitionKey().getBytes(StandardCharsets.UTF_8));
		}
		return MessageBuilder.withPayload(payloads)
			.setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
			.setHeader(KafkaHeaders.RECEIVED_KEY, keys)
			.build();
	}

	/** The mails of one event's notices (one recipient: Lâm Đồng's contact). */
	private long mailsOf(ActivityRecorded event) {
		return Mails.received(this.test.run(), "activity-recorded:" + event.eventId() + ":").size();
	}

	/**
	 * The pollers: mail dispatch, digests and review wake-ups (every 200 ms in tests),
	 * parked records (every second). Each sends a find.
	 */
	static boolean polled(String key) {
		return List
			.of("find notifications", "find digest_entries", "find review_schedules", "find parkedEvents",
					"count parkedEvents")
			.contains(key);
	}

	private long mailsToLd() {
		return this.test.mailsTo("xuctien");
	}

	private AgreementState agreement() {
		return agreement(this.agreementId);
	}

	private AgreementState agreement(String agreementId) {
		return new AgreementState(agreementId, "IT-" + agreementId,
				new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(this.test.ld(), PartyRole.LEAD), new Party(this.test.hcm(), PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.test.hcm(), this.test.ld()), this.test.hcm(),
						List.of(30, 7, 1)));
	}

	/** Yesterday's conference hosted by TP.HCM, recorded today: mailed to Lâm Đồng. */
	private ActivityRecorded recorded(int n) {
		return recorded(this.agreementId, String.valueOf(n));
	}

	private ActivityRecorded recorded(String agreementId, String n) {
		String activityId = "act-" + n + "-" + this.test.run();
		return new ActivityRecorded(UUID.randomUUID().toString(), this.test.now(), activityId, 1,
				new ActivityState(activityId, agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
						new LocalizedText("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng",
								"Investment promotion conference"),
						LocalDateTime.of(2026, 2, 28, 8, 0), LocalDateTime.of(2026, 2, 28, 17, 0), "Asia/Ho_Chi_Minh",
						new Location("TP. Hồ Chí Minh", "Trung tâm Hội nghị"), this.test.hcm(), List.of(this.test.ld()),
						List.of(), ActivityStatus.COMPLETED, new Outcomes(120, 45, 12, 3, 2, null)));
	}

}
