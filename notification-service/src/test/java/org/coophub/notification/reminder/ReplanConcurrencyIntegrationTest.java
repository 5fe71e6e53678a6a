package org.coophub.notification.reminder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.coophub.events.activity.ActivityState;
import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.events.activity.Location;
import org.coophub.events.agreement.AgreementCreated;
import org.coophub.events.agreement.AgreementState;
import org.coophub.events.agreement.AgreementStatus;
import org.coophub.events.agreement.Area;
import org.coophub.events.agreement.Party;
import org.coophub.events.agreement.PartyRole;
import org.coophub.events.agreement.ReviewPolicy;
import org.coophub.events.common.LocalizedText;
import org.coophub.notification.PartiesFixture;
import org.coophub.notification.TestClockConfiguration;
import org.coophub.notification.review.ReviewSchedule;
import org.coophub.notification.review.ReviewScheduler;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replannings of one agreement never overlap (agreement-events runs on three threads,
 * activity-events, organization events, the sweep and a party's request replan too): the
 * second waits for the first, so the plan left is the plan of the latest data. Without
 * the lock, the replan of the moved review would run while the first one holds the old
 * schedule, and the first would then plan the old date again and cancel the new one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
@Import(TestClockConfiguration.class)
class ReplanConcurrencyIntegrationTest {

	@Autowired
	Reminders reminders;

	@Autowired
	ReviewScheduler scheduler;

	@Autowired
	AgreementLocks locks;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aReplanWaitsForTheOneRunningAndTheLatestScheduleIsPlanned() throws Exception {
		// 1 March: the first reminder (7 October) is far, the sweep leaves the schedule
		// alone
		PartiesFixture test = PartiesFixture.start(this.context);
		String run = test.run();
		String ld = test.ld();
		String hcm = test.hcm();
		String agreementId = "agr-locked-" + run;
		test.registerParties();
		test.publish(new AgreementCreated(UUID.randomUUID().toString(), test.now(), agreementId, 1,
				agreement(agreementId, ld, hcm)));
		await().until(() -> keys(agreementId, "PLANNED").size() == 10);
		assertThat(keys(agreementId, "PLANNED")).allMatch((key) -> key.contains(":2026-11-06:"));

		// the first replan holds the schedule as it was (6 November) and waits
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> this.reminders.replanAfter(agreementId, () -> {
			Optional<ReviewSchedule> asRead = this.scheduler.find(agreementId);
			holding.countDown();
			awaitLatch(release);
			return asRead;
		}));
		assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

		// meanwhile the review is planned for 20 November (saved, as a party's move is,
		// outside the lock) and replanned on another thread
		assertThat(this.scheduler.activity(annualReview(agreementId, run, ld, hcm, LocalDate.of(2026, 11, 20))))
			.isPresent();
		AtomicReference<Throwable> failed = new AtomicReference<>();
		Thread second = new Thread(() -> this.reminders.replan(agreementId), "second-replan");
		second.setUncaughtExceptionHandler((thread, ex) -> failed.set(ex));
		second.start();

		// it waits for the first to finish: nothing of the new date is planned, nothing
		// of the old one cancelled
		await().until(() -> this.locks.waiting(agreementId, second));
		assertThat(keys(agreementId, "PLANNED")).hasSize(10).allMatch((key) -> key.contains(":2026-11-06:"));
		assertThat(keys(agreementId, "CANCELLED")).isEmpty();

		release.countDown();
		first.get(30, TimeUnit.SECONDS);
		second.join(TimeUnit.SECONDS.toMillis(30));
		assertThat(second.isAlive()).isFalse();
		assertThat(failed.get()).isNull();

		// the second ran last, with the moved review: the plan of the latest data
		assertThat(keys(agreementId, "PLANNED")).hasSize(10).allMatch((key) -> key.contains(":2026-11-20:"));
		assertThat(keys(agreementId, "CANCELLED")).hasSize(10).allMatch((key) -> key.contains(":2026-11-06:"));
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private List<String> keys(String agreementId, String status) {
		return this.mongo.findDistinct(
				Query.query(Criteria.where("agreementId").is(agreementId).and("status").is(status)), "_id",
				"notifications", String.class);
	}

	private static AgreementState agreement(String id, String ld, String hcm) {
		return new AgreementState(id, "IT-" + id, new LocalizedText("Chương trình hợp tác Lâm Đồng – TP.HCM", null),
				List.of(new Party(ld, PartyRole.LEAD), new Party(hcm, PartyRole.PARTNER)), LocalDate.of(2020, 1, 15),
				LocalDate.of(2020, 1, 15), null, "Asia/Ho_Chi_Minh", List.of(Area.INVESTMENT_PROMOTION),
				AgreementStatus.ACTIVE, List.of(),
				new ReviewPolicy(11, 6, "Asia/Ho_Chi_Minh", List.of(hcm, ld), ld, List.of(30, 7, 1)));
	}

	private static ActivityState annualReview(String agreementId, String run, String ld, String hcm, LocalDate day) {
		return new ActivityState("act-review-" + run, agreementId, ActivityType.ANNUAL_REVIEW,
				new LocalizedText("Hội nghị sơ kết năm 2026", "2026 annual review"), day.atTime(8, 0),
				day.atTime(11, 0), "Asia/Ho_Chi_Minh", new Location("Lâm Đồng", "Đà Lạt"), ld, List.of(hcm), List.of(),
				ActivityStatus.PLANNED, null);
	}

}
