package org.coophub.notification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

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

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry registry;

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
		return new AgreementState(this.agreementId, "IT-" + this.agreementId,
				new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(this.test.ld(), PartyRole.LEAD), new Party(this.test.hcm(), PartyRole.PARTNER)),
				LocalDate.of(2009, 10, 15), LocalDate.of(2009, 10, 15), null, "Asia/Ho_Chi_Minh",
				List.of(Area.INVESTMENT_PROMOTION), AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(this.test.hcm(), this.test.ld()), this.test.hcm(),
						List.of(30, 7, 1)));
	}

	/** Yesterday's conference hosted by TP.HCM, recorded today: mailed to Lâm Đồng. */
	private ActivityRecorded recorded(int n) {
		String activityId = "act-" + n + "-" + this.test.run();
		return new ActivityRecorded(UUID.randomUUID().toString(), this.test.now(), activityId, 1,
				new ActivityState(activityId, this.agreementId, ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
						new LocalizedText("Hội nghị xúc tiến đầu tư vào các KCN Lâm Đồng",
								"Investment promotion conference"),
						LocalDateTime.of(2026, 2, 28, 8, 0), LocalDateTime.of(2026, 2, 28, 17, 0), "Asia/Ho_Chi_Minh",
						new Location("TP. Hồ Chí Minh", "Trung tâm Hội nghị"), this.test.hcm(), List.of(this.test.ld()),
						List.of(), ActivityStatus.COMPLETED, new Outcomes(120, 45, 12, 3, 2, null)));
	}

}
