package org.coophub.reporting.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.coophub.events.activity.ActivityState;
import org.coophub.events.notification.ReviewCycleStatus;
import org.coophub.platform.projection.VersionedUpserts;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coophub.reporting.DashboardTestData.agreement;
import static org.coophub.reporting.DashboardTestData.conference;

/**
 * The projection against MongoDB: whatever the order and however often events arrive,
 * each part keeps its newest version, one event at a time or a rebuild's batch at a time,
 * and an activity counted just before a crash is stored, not counted again, when its
 * event is redelivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ProjectorIntegrationTest {

	private static final Instant AT = Instant.parse("2025-11-01T00:00:00Z");

	@Autowired
	DashboardProjection projection;

	@Autowired
	DashboardQueries queries;

	@Autowired
	ProjectionCollections collections;

	@Autowired
	VersionedUpserts upserts;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PeriodQueries periods;

	@Test
	void eachPartKeepsItsNewestVersionWhateverTheOrderAndRepeats() {
		String agreementId = UUID.randomUUID().toString();
		String activityId = "act-" + agreementId;
		Projector projector = this.projection.live();

		projector.activity(conference(agreementId, activityId, 150, "2000"), 2, AT);
		projector.agreement(agreement(agreementId), 3);
		projector.activity(conference(agreementId, activityId, 100, "1000"), 1, AT);
		projector.activity(conference(agreementId, activityId, 150, "2000"), 2, AT);
		projector.agreement(withCode(agreement(agreementId), "OLD"), 2);
		projector.notification(agreementId, "n1", NotificationOutcome.FAILED, "reminder", 1, AT);
		projector.notification(agreementId, "n1", NotificationOutcome.SENT, "reminder", 2, AT);
		projector.notification(agreementId, "n1", NotificationOutcome.FAILED, "reminder", 1, AT);
		projector.review(agreementId, review(2, ReviewCycleStatus.DUE));
		projector.review(agreementId, review(1, ReviewCycleStatus.UPCOMING));

		AgreementDashboard dashboard = this.queries.dashboard(agreementId);
		assertThat(dashboard.agreement().version()).isEqualTo(3);
		assertThat(dashboard.agreement().code()).isEqualTo("IT-" + agreementId);
		assertThat(dashboard.activities()).containsOnlyKeys(activityId);
		assertThat(dashboard.activities().get(activityId).outcomes().investorsAttending()).isEqualTo(150);
		assertThat(dashboard.notifications().get("n1").outcome()).isEqualTo(NotificationOutcome.SENT);
		assertThat(dashboard.review().status()).isEqualTo(ReviewCycleStatus.DUE);
		assertThat(AgreementDashboardView.of(dashboard, LocalDate.of(2025, 11, 1), this.queries.names())
			.conferenceTotals()
			.investorsAttending()).isEqualTo(150);
	}

	/**
	 * A live poll ends where the same events one at a time end: of two outcomes with the
	 * same version (a redelivery that differs), the first is kept, as the store's guard
	 * keeps it.
	 */
	@Test
	void aPollOfEventsEndsWhereTheSameEventsOneAtATimeEnd() {
		String agreementId = UUID.randomUUID().toString();
		String activityId = "act-" + agreementId;
		LiveBatch poll = this.projection.liveBatch();

		poll.agreement(agreement(agreementId), 1);
		poll.activity(conference(agreementId, activityId, 80, "5000"), 2, AT);
		poll.activity(conference(agreementId, activityId, 10, "1"), 1, AT);
		poll.notification(agreementId, "n1", NotificationOutcome.FAILED, "reminder", 1, AT);
		poll.notification(agreementId, "n1", NotificationOutcome.SENT, "reminder", 1, AT);
		poll.notification(agreementId, "n2", NotificationOutcome.FAILED, "reminder", 1, AT);
		poll.notification(agreementId, "n2", NotificationOutcome.LATE, "reminder", 2, AT);
		poll.review(agreementId, review(2, ReviewCycleStatus.DUE));
		poll.review(agreementId, review(2, ReviewCycleStatus.UPCOMING));
		poll.write();

		AgreementDashboard dashboard = this.queries.dashboard(agreementId);
		assertThat(dashboard.notifications().get("n1").outcome()).as("the first of one version")
			.isEqualTo(NotificationOutcome.FAILED);
		assertThat(dashboard.notifications().get("n2").outcome()).isEqualTo(NotificationOutcome.LATE);
		assertThat(dashboard.review().status()).isEqualTo(ReviewCycleStatus.DUE);
		AgreementDashboardView view = AgreementDashboardView.of(dashboard, LocalDate.of(2025, 11, 1),
				this.queries.names());
		assertThat(view.conferenceTotals().investorsAttending()).isEqualTo(80);
		assertThat(view.notifications().failed()).isOne();
		assertThat(view.notifications().sent()).isOne();
		assertThat(view.notifications().late()).isOne();
		PortfolioEntry summary = PortfolioIntegrationTest.wholePortfolio(this.queries)
			.stream()
			.filter((entry) -> entry.agreementId().equals(agreementId))
			.findFirst()
			.orElseThrow();
		assertThat(summary.activityCount()).isOne();
		assertThat(summary.conferenceTotals().investorsAttending()).isEqualTo(80);
		assertThat(summary.notifications()).as("the portfolio counted as the entries hold")
			.isEqualTo(view.notifications());
	}

	@Test
	void aPastCycleRecordedLateIsKeptPerCycleAndDoesNotReplaceTheLaterOneOnTheDashboard() {
		String agreementId = UUID.randomUUID().toString();
		Projector projector = this.projection.live();
		ReviewEntry upcoming = new ReviewEntry(7, 2027, LocalDate.of(2027, 11, 6), "org-hcm",
				ReviewCycleStatus.UPCOMING, null, null);
		ReviewEntry held2011 = new ReviewEntry(8, 2011, LocalDate.of(2011, 11, 6), "org-ld", ReviewCycleStatus.HELD,
				LocalDate.of(2011, 11, 4), "org-hcm");

		projector.review(agreementId, upcoming, AT);
		projector.review(agreementId, held2011, AT);
		projector.review(agreementId, held2011, AT);

		assertThat(this.queries.dashboard(agreementId).review()).as("the dashboard shows the latest cycle")
			.isEqualTo(upcoming);
		assertThat(this.periods.reviewCycle(agreementId, 2011)).hasValueSatisfying((cycle) -> {
			assertThat(cycle.heldOn()).isEqualTo(LocalDate.of(2011, 11, 4));
			assertThat(cycle.hostOrganizationId()).isEqualTo("org-ld");
		});
		assertThat(this.periods.reviewCycle(agreementId, 2027))
			.hasValueSatisfying((cycle) -> assertThat(cycle.status()).isEqualTo(ReviewCycleStatus.UPCOMING));
	}

	@Test
	void everyVersionOfAnAgreementIsKeptWithTheDayItTookEffect() {
		String agreementId = UUID.randomUUID().toString();
		Projector projector = this.projection.live();

		projector.agreementCreated(agreement(agreementId), 1, AT);
		projector.agreement(withCode(agreement(agreementId), "AMENDED"), 2, LocalDate.of(2012, 11, 6), AT);
		projector.agreement(withCode(agreement(agreementId), "AMENDED"), 2, LocalDate.of(2012, 11, 6), AT);
		projector.agreement(withCode(agreement(agreementId), "LATER"), 3, null, Instant.parse("2026-03-01T20:00:00Z"));

		assertThat(this.periods.agreementVersions(agreementId))
			.extracting(AgreementVersion::version, AgreementVersion::effectiveOn)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, LocalDate.of(2009, 10, 15)),
					org.assertj.core.groups.Tuple.tuple(2L, LocalDate.of(2012, 11, 6)),
					// no effective day: the day it was recorded in the agreement's zone
					org.assertj.core.groups.Tuple.tuple(3L, LocalDate.of(2026, 3, 2)));
	}

	@Test
	void anActivityCountedBeforeACrashIsStoredButNotCountedAgainWhenItsEventIsRedelivered() {
		String agreementId = UUID.randomUUID().toString();
		String activityId = "act-" + agreementId;
		ActivityState activity = conference(agreementId, activityId, 80, "1000");
		this.projection.live().agreement(agreement(agreementId), 1);
		// the summary's count succeeded, the entry's write did not
		int active = this.collections.generations().active();
		String key = PortfolioTally.activityKey(activityId);
		this.mongo.upsert(PortfolioTally.uncounted(agreementId, key, 1),
				PortfolioTally.count(key, 1, PortfolioTally.increments(null, ActivityEntry.of(activity, 1, AT))),
				this.collections.portfolio(active));
		assertThat(this.queries.dashboard(agreementId).activities()).isEmpty();

		this.projection.live().activity(activity, 1, AT);

		assertThat(this.queries.dashboard(agreementId).activities()).containsOnlyKeys(activityId);
		AgreementDashboardView view = this.queries.agreement(agreementId);
		assertThat(view.activityCount()).isEqualTo(1);
		assertThat(view.conferenceTotals().investorsAttending()).isEqualTo(80);
		// the guard refused the second count; the agreement's next count releases it
		this.projection.live().activity(conference(agreementId, "act-2-" + agreementId, 20, "1000"), 1, AT);
		assertThat(guards(agreementId)).containsOnlyKeys(PortfolioTally.activityKey("act-2-" + agreementId));
		assertThat(this.queries.agreement(agreementId).conferenceTotals().investorsAttending()).isEqualTo(100);
	}

	@Test
	void aSummaryHoldsTheGuardsOfItsLastCountOnlyAndOfACountWhoseEntryIsNotStoredYet() {
		String agreementId = UUID.randomUUID().toString();
		this.projection.live().agreement(agreement(agreementId), 1);
		Projector live = this.projection.live();
		live.activity(conference(agreementId, "first", 1, "1000"), 1, AT);
		live.activity(conference(agreementId, "second", 2, "1000"), 1, AT);
		assertThat(guards(agreementId)).containsOnlyKeys(PortfolioTally.activityKey("second"));

		// another writer counted version 2 of a third activity and has not stored it yet
		String third = PortfolioTally.activityKey("third");
		this.mongo.upsert(PortfolioTally.uncounted(agreementId, third, 2),
				PortfolioTally.count(third, 2,
						PortfolioTally.increments(null,
								ActivityEntry.of(conference(agreementId, "third", 20, "2000"), 2, AT))),
				this.collections.portfolio(this.collections.generations().active()));
		live.activity(conference(agreementId, "third", 10, "1000"), 1, AT);
		live.activity(conference(agreementId, "fourth", 4, "1000"), 1, AT);
		assertThat(guards(agreementId)).containsKeys(third, PortfolioTally.activityKey("fourth"))
			.containsEntry(third, 2L);

		// the other writer's event, redelivered: stored, not counted again
		live.activity(conference(agreementId, "third", 20, "2000"), 2, AT);
		live.activity(conference(agreementId, "fifth", 5, "1000"), 1, AT);
		assertThat(guards(agreementId)).containsOnlyKeys(PortfolioTally.activityKey("fifth"));
		AgreementDashboardView view = this.queries.agreement(agreementId);
		assertThat(view.activityCount()).isEqualTo(5);
		assertThat(view.conferenceTotals().investorsAttending()).isEqualTo(1 + 2 + 20 + 4 + 5);
	}

	@Test
	void thePortfolioPagesThroughEveryAgreementsSummary() {
		String batch = UUID.randomUUID().toString();
		Projector projector = this.projection.live();
		for (int i = 0; i < 120; i++) {
			String agreementId = batch + "-" + i;
			projector.agreement(agreement(agreementId), 1);
			projector.activity(conference(agreementId, "act-" + agreementId, i, "1000"), 1, AT);
			projector.notification(agreementId, "n-" + agreementId, NotificationOutcome.SENT, "reminder", 1, AT);
		}

		List<PortfolioEntry> ours = PortfolioIntegrationTest.wholePortfolio(this.queries)
			.stream()
			.filter((entry) -> entry.agreementId().startsWith(batch))
			.toList();

		assertThat(ours).hasSize(120)
			.allSatisfy((entry) -> assertThat(entry.activityCount()).isEqualTo(1))
			.allSatisfy((entry) -> assertThat(entry.notifications().sent()).isEqualTo(1));
		assertThat(ours.stream().mapToInt((entry) -> entry.conferenceTotals().investorsAttending()).sum())
			.isEqualTo(119 * 120 / 2);
	}

	@Test
	void aRebuildsBatchWritesTheNewestOfEachPartAndKeepsWhatLiveEventsWroteNewer() {
		int generation = 1000 + ThreadLocalRandom.current().nextInt(1_000_000);
		String agreementId = UUID.randomUUID().toString();
		String first = "act-1-" + agreementId;
		String second = "act-2-" + agreementId;
		// a live event already wrote a newer version of the first activity into the
		// generation being rebuilt
		this.upserts.upsertIfNewer(
				StoredActivity.of(agreementId, ActivityEntry.of(conference(agreementId, first, 300, "3000"), 3, AT)),
				this.collections.activities(generation));
		ReplayBatch batch = this.projection.replayInto(generation);

		batch.agreement(agreement(agreementId), 2);
		batch.agreement(withCode(agreement(agreementId), "OLD"), 1);
		batch.activity(conference(agreementId, first, 100, "1000"), 1, AT);
		batch.activity(conference(agreementId, first, 150, "2000"), 2, AT);
		batch.activity(conference(agreementId, second, 10, "1000"), 1, AT);
		batch.notification(agreementId, "n1", NotificationOutcome.FAILED, "reminder", 1, AT);
		batch.review(agreementId, review(2, ReviewCycleStatus.DUE));
		batch.review(agreementId, review(1, ReviewCycleStatus.UPCOMING));
		batch.flush();
		// the next poll: a repeat and an older agreement
		batch.activity(conference(agreementId, second, 10, "1000"), 1, AT);
		batch.agreement(withCode(agreement(agreementId), "OLD"), 1);
		batch.flush();

		DashboardHead head = this.mongo.findById(agreementId, DashboardHead.class,
				this.collections.dashboards(generation));
		assertThat(head.agreement().version()).isEqualTo(2);
		assertThat(head.agreement().code()).isEqualTo("IT-" + agreementId);
		assertThat(head.review().status()).isEqualTo(ReviewCycleStatus.DUE);
		org.springframework.data.mongodb.core.query.Query ofAgreement = org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("agreementId").is(agreementId));
		assertThat(this.mongo.find(ofAgreement, StoredActivity.class, this.collections.activities(generation)))
			.extracting(StoredActivity::id)
			.containsExactlyInAnyOrder(first, second);
		assertThat(this.mongo.find(ofAgreement, StoredNotification.class, this.collections.notifications(generation)))
			.extracting(StoredNotification::id)
			.containsExactly("n1");
		StoredActivity kept = this.mongo.findById(first, StoredActivity.class, this.collections.activities(generation));
		assertThat(kept.version()).isEqualTo(3);
		assertThat(kept.entry().outcomes().investorsAttending()).isEqualTo(300);
	}

	/** The counts' guards the agreement's summary holds, by entry key. */
	private Map<String, Object> guards(String agreementId) {
		Document summary = this.mongo.findById(agreementId, Document.class,
				this.collections.portfolio(this.collections.generations().active()));
		Document guards = summary.get(PortfolioTally.APPLIED, Document.class);
		return (guards != null) ? guards : Map.of();
	}

	private static ReviewEntry review(long version, ReviewCycleStatus status) {
		return new ReviewEntry(version, 2025, LocalDate.of(2025, 11, 6), "org-hcm", status, null, null);
	}

	private static org.coophub.events.agreement.AgreementState withCode(
			org.coophub.events.agreement.AgreementState state, String code) {
		return new org.coophub.events.agreement.AgreementState(state.id(), code, state.title(), state.parties(),
				state.signedOn(), state.startsOn(), state.endsOn(), state.timeZone(), state.areas(), state.status(),
				state.commitments(), state.reviewPolicy());
	}

}
